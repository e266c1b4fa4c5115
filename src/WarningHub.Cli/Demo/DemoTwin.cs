using Microsoft.AspNetCore.Builder;
using ChannelNames = WarningHub.Core.Planning.Channels;
using WarningHub.Core.Registry;
using WarningHub.Simulators.Smsc;

namespace WarningHub.Cli.Demo;

/// <summary>
/// Everything the demo hub talks to, simulated on 127.0.0.1 with ephemeral ports: the SMSC, one IP loudspeaker per
/// village, the WeChat and WeCom APIs, a TV station, serial loudspeakers over socat ptys (when socat is installed),
/// and the people who answer back: the station confirming its captions on air, village broadcasters confirming they
/// played the bulletin. Each part is in DemoTwin.*.cs.
/// </summary>
internal sealed partial class DemoTwin : IAsyncDisposable
{
    private static readonly TimeSpan LoopEvery = TimeSpan.FromMilliseconds(250);
    private readonly DemoSettings _settings;
    private readonly string _folder;
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _people = new() { Timeout = TimeSpan.FromSeconds(10) };
    private Task _loop = Task.CompletedTask;
    private Uri? _hub;

    private DemoTwin(DemoSettings settings, string folder, SmscSimulator smsc)
    {
        _settings = settings;
        _folder = folder;
        Smsc = smsc;
    }

    public SmscSimulator Smsc { get; }

    /// <summary>The warning the station and broadcasters answer for; set once it is accepted.</summary>
    public string? WarningId { get; set; }

    /// <summary>Starts every simulator; the hub is configured from <see cref="Settings"/> and <see cref="Endpoints"/> next.</summary>
    public static async Task<DemoTwin> StartAsync(DemoSettings settings, CountyRegistry registry, string folder, CancellationToken cancellationToken)
    {
        var smsc = new SmscSimulator(new SmscSimulatorOptions
        {
            // The SMSC's contract is a little above the hub's configured rate: the hub must never hit its limit.
            RateLimitPerSecond = settings.RatePerSecond + settings.RatePerSecond / 4,
            Latency = TimeSpan.FromMilliseconds(2),
            ReceiptDelay = TimeSpan.FromMilliseconds(300),
            ReceiptFailureRate = settings.ReceiptFailureRate,
            Seed = settings.Seed,
            // Kept so the SMSC's own view of delivery can be held against the hub's, and broadcasters can open their links.
            RecordMessages = true,
        });
        var twin = new DemoTwin(settings, folder, smsc);
        try
        {
            smsc.Start();
            await twin.StartSpeakersAsync(registry.Villages.Count);
            await twin.StartSerialAsync(SerialZones(registry), cancellationToken);
            await twin.StartWeChatAsync(registry.Towns.Select(t => t.Code).ToList(), cancellationToken);
            await twin.StartTvAsync(cancellationToken);
            return twin;
        }
        catch
        {
            await twin.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Terminals, followers and officers from <see cref="EndpointGenerator"/>, addressed to the simulators: one IP
    /// loudspeaker per village, a serial one in every fourth (a zone of the simulated TTS module), or none without socat.
    /// </summary>
    public CountyEndpoints Endpoints(CountyRegistry registry)
    {
        var generated = EndpointGenerator.Generate(registry, IpAddressOf, SerialAddressOf, _settings.Seed);
        return SerialSkipped is null ? generated
            : new CountyEndpoints(generated.Terminals.Where(t => t.Channel != ChannelNames.LoudspeakerSerial), generated.Subscribers, generated.Officers, generated.Responsibilities);
    }

    /// <summary>The hub's settings for every simulated channel.</summary>
    public Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>();
        foreach (var part in new[] { SpeakerSettings(), SerialSettings(), WeChatSettings(), TvSettings() })
        {
            foreach (var (key, value) in part) settings[key] = value;
        }
        return settings;
    }

    /// <summary>
    /// Once the hub listens at <paramref name="hub"/>: terminals start their heartbeats (and the hub must know every one),
    /// WeChat learns the callback URL, and the station and broadcasters start answering.
    /// </summary>
    public async Task ConnectAsync(WebApplication app, Uri hub, CancellationToken cancellationToken)
    {
        _hub = hub;
        await ConnectSpeakersAsync(app, cancellationToken);
        await ConnectWeChatAsync(hub, cancellationToken);
        ConnectTv(hub);
        _loop = Task.Run(() => AnswerLoopAsync(_stop.Token), CancellationToken.None);
    }

    /// <summary>Stops the people answering, after one last round so every confirmation due is in before reach is read.</summary>
    public async Task FinishAsync(string warningId, CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await AnswerOnceAsync(warningId, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await DisposeTvAsync();
        await DisposeWeChatAsync();
        await DisposeSerialAsync();
        await DisposeSpeakersAsync();
        await Smsc.DisposeAsync();
        _people.Dispose();
        _stop.Dispose();
    }

    private async Task AnswerLoopAsync(CancellationToken stop)
    {
        using var timer = new PeriodicTimer(LoopEvery);
        while (await timer.WaitForNextTickAsync(stop))
        {
            if (WarningId is { } id) await AnswerOnceAsync(id, stop);
        }
    }

    private async Task AnswerOnceAsync(string warningId, CancellationToken cancellationToken)
    {
        try
        {
            await ConfirmCaptionsAsync(cancellationToken);
            await ConfirmBroadcastsAsync(warningId, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The hub is busy or slow to answer: whoever did not get through tries again next round.
        }
    }
}

/// <summary>A simulator or the hub did not come up as the demo needs; the message says which, for the console.</summary>
internal sealed class DemoTwinException(string message) : Exception(message);
