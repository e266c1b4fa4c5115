using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WarningHub.Simulators.Tv;

/// <summary>How the simulated station answers a push.</summary>
public enum StationBehaviour
{
    /// <summary>201 with <c>{"id":"…"}</c>.</summary>
    Accept,

    /// <summary>500: the caption generator is down.</summary>
    ServerError,

    /// <summary>400: the station refuses the caption.</summary>
    Refuse,

    /// <summary>No answer until the client gives up.</summary>
    Hang,
}

/// <summary>
/// A TV station that takes caption pushes: <c>POST /captions</c> with a JSON body, answered <c>{"id":"…"}</c>, on
/// 127.0.0.1. It records what it took and can confirm to the hub that a caption is on air.
/// </summary>
public sealed class TvStationSimulator : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<PushedCaption> _pushes = [];
    private WebApplication? _app;
    private int _counter;

    /// <summary>How the next pushes are answered.</summary>
    public StationBehaviour Behaviour { get; set; } = StationBehaviour.Accept;

    /// <summary>The URL to configure as the channel's push URL (after <see cref="StartAsync"/>).</summary>
    public Uri PushUrl { get; private set; } = new("http://127.0.0.1/captions");

    /// <summary>Every push that reached the station, whatever the answer, in order.</summary>
    public IReadOnlyList<PushedCaption> Pushes
    {
        get
        {
            lock (_gate) return [.. _pushes];
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/captions", (Delegate)PushAsync);
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        PushUrl = new Uri(address.TrimEnd('/') + "/captions");
    }

    /// <summary>Tells the hub that the caption it pushed under <paramref name="stationId"/> is on air; returns the HTTP status.</summary>
    public static Task<HttpStatusCode> ConfirmAsync(HttpClient http, Uri callbackUrl, string secret, string stationId, bool onAir = true, CancellationToken cancellationToken = default) =>
        OnAirCallback.PostAsync(http, callbackUrl, secret, stationId, onAir, cancellationToken);

    private async Task<IResult> PushAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var root = body.RootElement;
        string Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
        var behaviour = Behaviour;
        string id;
        lock (_gate)
        {
            id = "st-" + (++_counter).ToString(CultureInfo.InvariantCulture);
            _pushes.Add(new PushedCaption(id, Text("channel"), Text("caption"), Text("reference"), Text("warningId"), behaviour));
        }
        switch (behaviour)
        {
            case StationBehaviour.ServerError:
                return Results.StatusCode(StatusCodes.Status500InternalServerError);
            case StationBehaviour.Refuse:
                return Results.BadRequest(new { error = "caption refused" });
            case StationBehaviour.Hang:
                await Task.Delay(TimeSpan.FromMinutes(2), TimeProvider.System, context.RequestAborted).ConfigureAwait(false);
                return Results.StatusCode(StatusCodes.Status504GatewayTimeout);
            default:
                return Results.Json(new { id }, statusCode: StatusCodes.Status201Created);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>A caption push as the station received it; <see cref="StationId"/> is the id it answered (when it accepted).</summary>
public sealed record PushedCaption(string StationId, string Channel, string Caption, string Reference, string WarningId, StationBehaviour Answer);
