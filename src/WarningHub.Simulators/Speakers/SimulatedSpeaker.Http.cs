using System.Buffers.Binary;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;

namespace WarningHub.Simulators.Speakers;

/// <summary>
/// The HTTP profile: <c>GET {base}/status</c> answers <c>{"state","playId","played"}</c> about the latest play;
/// <c>POST {base}/play</c> takes a multipart WAV (field <c>file</c>, optional <c>playId</c>) or JSON
/// <c>{"url","playId"}</c> and answers <c>{"playId"}</c>; a fault or stop answers 503, offline drops the connection.
/// With <see cref="SimulatedSpeakerOptions.FetchClipUrls"/> a URL play downloads the clip first and answers 502 when that fails.
/// </summary>
public sealed partial class SimulatedSpeaker
{
    private readonly List<HttpPlay> _httpPlays = [];
    private WebApplication? _web;
    private HttpClient? _clips;
    private string? _playId;
    private bool? _played;
    private int _playCounter;

    /// <summary>Plays the HTTP profile accepted, in order.</summary>
    public IReadOnlyList<HttpPlay> HttpPlays
    {
        get
        {
            lock (_gate)
            {
                return [.. _httpPlays];
            }
        }
    }

    private async Task StartHttpAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _web = builder.Build();
        _clips = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var path = "/" + Options.HttpPath.Trim('/');
        _web.MapGet(path + "/status", (HttpContext context) => Offline(context) ?? Results.Json(StatusBody()));
        _web.MapPost(path + "/play", (Func<HttpContext, Task<IResult>>)PlayAsync);
        await _web.StartAsync(_stop.Token).ConfigureAwait(false);
        var address = _web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        HttpAddress = address.TrimEnd('/') + path;
    }

    private async Task StopHttpAsync()
    {
        _clips?.Dispose();
        if (_web is not null)
        {
            await _web.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _web.DisposeAsync().ConfigureAwait(false);
        }
    }

    private IResult? Offline(HttpContext context)
    {
        if (!_offline)
        {
            return null;
        }

        context.Abort();
        return Results.Empty;
    }

    private object StatusBody()
    {
        lock (_gate)
        {
            return new { state = _state.ToString().ToLowerInvariant(), playId = _playId, played = _played };
        }
    }

    private async Task<IResult> PlayAsync(HttpContext context)
    {
        if (Offline(context) is { } dropped)
        {
            return dropped;
        }

        if (Options.RefusePlayWith is { } refusal)
        {
            return Results.Json(new { error = "refused" }, statusCode: refusal);
        }

        if (State is TerminalState.Fault or TerminalState.Stopped)
        {
            return Results.Json(new { error = State.ToString().ToLowerInvariant() }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        byte[]? wav = null;
        string? url = null;
        string? proposed;
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            proposed = form["playId"].FirstOrDefault();
            if (form.Files.GetFile("file") is not { } file)
            {
                return Results.BadRequest(new { error = "multipart field 'file' is missing" });
            }

            using var copy = new MemoryStream();
            await file.CopyToAsync(copy, context.RequestAborted).ConfigureAwait(false);
            wav = copy.ToArray();
        }
        else
        {
            using var json = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
            url = json.RootElement.TryGetProperty("url", out var u) ? u.GetString() : null;
            proposed = json.RootElement.TryGetProperty("playId", out var p) ? p.GetString() : null;
            if (string.IsNullOrEmpty(url) || !Uri.TryCreate(url, UriKind.Absolute, out var clipUrl))
            {
                return Results.BadRequest(new { error = "'url' is missing or not absolute" });
            }

            if (Options.FetchClipUrls)
            {
                wav = await FetchClipAsync(clipUrl, context.RequestAborted).ConfigureAwait(false);
                if (wav is null)
                {
                    return Results.Json(new { error = "the clip could not be fetched" }, statusCode: StatusCodes.Status502BadGateway);
                }
            }
        }

        var playId = string.IsNullOrEmpty(proposed) ? $"p{Interlocked.Increment(ref _playCounter)}" : proposed;
        lock (_gate)
        {
            _httpPlays.Add(new HttpPlay(playId, wav, url));
            _playId = playId;
            _played = false;
            _state = TerminalState.Broadcasting;
        }

        _ = FinishPlayAsync(playId, Options.HttpPlayTime ?? WavDuration(wav));
        return Results.Json(new { playId });
    }

    private async Task<byte[]?> FetchClipAsync(Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var clip = await _clips!.GetAsync(url, cancellationToken).ConfigureAwait(false);
            return clip.IsSuccessStatusCode ? await clip.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false) : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    private async Task FinishPlayAsync(string playId, TimeSpan playTime)
    {
        try
        {
            await Task.Delay(playTime, TimeProvider.System, _stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (_gate)
        {
            if (_playId == playId && _state == TerminalState.Broadcasting)
            {
                _played = Options.PlayOutcome == PlayOutcome.Played;
                _state = Options.PlayOutcome == PlayOutcome.NotPlayed ? TerminalState.Fault : TerminalState.Normal;
            }
        }
    }

    private static TimeSpan WavDuration(byte[]? wav)
    {
        if (wav is null || wav.Length < 44)
        {
            return TimeSpan.FromSeconds(1);
        }

        var byteRate = BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(28));
        return byteRate > 0 ? TimeSpan.FromSeconds((wav.Length - 44) / (double)byteRate) : TimeSpan.FromSeconds(1);
    }
}
