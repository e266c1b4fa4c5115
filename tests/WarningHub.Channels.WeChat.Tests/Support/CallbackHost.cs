using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WarningHub.Channels.WeChat.Tests.Support;

/// <summary>
/// The hub's callback endpoint as the server will map it: <c>GET/POST /api/v1/callbacks/wechat/{account}</c> resolving
/// the keyed <see cref="WeChatCallback"/> and writing back its answer. On 127.0.0.1 only.
/// </summary>
internal sealed class CallbackHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private CallbackHost(WebApplication app, Uri baseUrl) => (_app, BaseUrl) = (app, baseUrl);

    public Uri BaseUrl { get; }

    public static async Task<CallbackHost> StartAsync(IServiceProvider hub)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapMethods("/api/v1/callbacks/wechat/{account}", ["GET", "POST"], async (HttpContext context, string account) =>
        {
            if (hub.GetKeyedService<WeChatCallback>(account) is not { } callback)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var query = context.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var answer = await callback.HandleAsync(context.Request.Method, query, context.Request.Body, context.RequestAborted);
            context.Response.StatusCode = answer.StatusCode;
            context.Response.ContentType = answer.ContentType;
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new CallbackHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public Uri CallbackUrl(string account) => new(BaseUrl, $"api/v1/callbacks/wechat/{account}");

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
