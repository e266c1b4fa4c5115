using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WarningHub.Channels.Voice.Tests.Support;

/// <summary>A voice gateway on 127.0.0.1:0 that records each request's raw bytes and headers and answers what the test scripts.</summary>
internal sealed class ScriptedGateway : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Captured> _requests = new();

    private ScriptedGateway(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Status and Retry-After header of the next answers; 200 when empty.</summary>
    public ConcurrentQueue<(int Status, string? RetryAfter)> Answers { get; } = new();

    public IReadOnlyList<Captured> Requests => [.. _requests];

    public static async Task<ScriptedGateway> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var gateway = new ScriptedGateway(app);
        app.MapPost("/voice/call", async (HttpContext context) =>
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            gateway._requests.Enqueue(new Captured(buffer.ToArray(),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            var (status, retryAfter) = gateway.Answers.TryDequeue(out var answer) ? answer : (200, null);
            context.Response.StatusCode = status;
            if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter;
            await context.Response.WriteAsync("{}", context.RequestAborted);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        gateway.Url = new Uri(address.TrimEnd('/') + "/voice/call");
        return gateway;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    internal sealed record Captured(byte[] Body, IReadOnlyDictionary<string, string> Headers);
}
