using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WarningHub.Simulators.WeChat;

/// <summary>
/// The WeChat official-account API and the WeCom group-robot webhook on 127.0.0.1, written from WeChat's documentation
/// and independent of the adapter: <c>POST /cgi-bin/stable_token</c>, <c>POST /cgi-bin/message/template/send</c> (with
/// TEMPLATESENDJOBFINISH events posted, signed, to <see cref="WeChatSimulatorOptions.CallbackUrl"/>) and
/// <c>POST /cgi-bin/webhook/send</c>. It answers WeChat's errcodes where WeChat would, records what it accepted, and
/// keeps time by the given <see cref="TimeProvider"/>. Tokens are in WeChatSimulator.Tokens.cs, templates and events
/// in WeChatSimulator.Templates.cs and WeChatSimulator.Events.cs, client_msg_id repeats in WeChatSimulator.Repeats.cs,
/// robots in WeChatSimulator.Robots.cs.
/// </summary>
public sealed partial class WeChatSimulator : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Random _random;
    private readonly Lock _randomLock = new();
    private WebApplication? _app;
    private int _disposed;

    /// <summary>Creates a simulator; call <see cref="StartAsync"/> to listen.</summary>
    public WeChatSimulator(WeChatSimulatorOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? new WeChatSimulatorOptions();
        Time = time ?? TimeProvider.System;

        // CA5394: reproducible, seedable randomness is the point here; nothing security-related depends on it.
#pragma warning disable CA5394
        _random = new Random(Options.Seed);
#pragma warning restore CA5394
    }

    /// <summary>The options it was created with.</summary>
    public WeChatSimulatorOptions Options { get; }

    /// <summary>The simulator's clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The base URL to give adapters as ApiBase (after <see cref="StartAsync"/>), ending in a slash.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts listening on a free port of 127.0.0.1.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(WeChatSimulator).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/cgi-bin/stable_token", (RequestDelegate)HandleStableTokenAsync);
        app.MapPost("/cgi-bin/message/template/send", (RequestDelegate)HandleTemplateSendAsync);
        app.MapPost("/cgi-bin/webhook/send", (RequestDelegate)HandleRobotSendAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
        _app = app;
    }

    /// <summary>Stops listening and abandons events not yet posted. A second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }

        _callbacks.Dispose();
        _stop.Dispose();
    }

    private bool Chance(double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        lock (_randomLock)
        {
            // CA5394: simulated failures, not security.
#pragma warning disable CA5394
            return _random.NextDouble() < rate;
#pragma warning restore CA5394
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static Task ReplyAsync(HttpContext context, int errcode, string errmsg, Action<Utf8JsonWriter>? more = null)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteNumber("errcode", errcode);
            writer.WriteString("errmsg", errmsg);
            more?.Invoke(writer);
            writer.WriteEndObject();
        }

        return ReplyJsonAsync(context, Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static Task ReplyJsonAsync(HttpContext context, string json)
    {
        context.Response.ContentType = "application/json; encoding=utf-8";
        return context.Response.WriteAsync(json, context.RequestAborted);
    }

    private DateTimeOffset Now => Time.GetUtcNow();
}
