using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WarningHub.Channels.Sms.Http.Tests.Support;

/// <summary>Serves <c>/api/v1/sms/http/{gateway}/receipts</c> on loopback as the hub does, handing each callback to the gateway.</summary>
internal sealed class CallbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _calls;

    private CallbackServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public HttpSmsGateway? Gateway { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public static async Task<CallbackServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var address = (Uri?)null;
        CallbackServer? server = null;
        app.MapMethods("/api/v1/sms/http/{gateway}/receipts", ["GET", "POST"], (HttpContext context) =>
        {
            Interlocked.Increment(ref server!._calls);
            var fields = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
            var outcome = server.Gateway!.AcceptCallback(fields, context.Request.Headers["X-Callback-Token"].FirstOrDefault(), out var problem);
            return outcome switch
            {
                ReceiptCallbackOutcome.Unauthorized => Results.Unauthorized(),
                ReceiptCallbackOutcome.Invalid => Results.BadRequest(problem),
                _ => Results.Ok(),
            };
        });
        await app.StartAsync();
        address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        server = new CallbackServer(app, address);
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
