using Microsoft.AspNetCore.Builder;
using ChannelNames = WarningHub.Core.Planning.Channels;
using WarningHub.Core.Registry;
using WarningHub.Simulators.Smsc;

namespace WarningHub.Cli.Demo;

/// <summary>
/// Everything the demo hub talks to, simulated on 127.0.0.1 with ephemeral ports: the SMSC, one IP loudspeaker per
/// village, the WeChat and WeCom APIs, a TV station, serial loudspeakers over socat ptys (when socat is installed),
/// and the people who answer back: the station confirming its captions on air, village broadcasters confirming they
/// played the bulletin, officers answering 叫应 and cadres marking households door to door. Each part is in DemoTwin.*.cs.
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
        // Three kinds of people, each at their own pace: a broadcaster's slow page does not hold up an officer's answer.
        _loop = Task.WhenAll(
            Task.Run(() => AnswerLoopAsync(AnswerOnceAsync, _stop.Token), CancellationToken.None),
            Task.Run(() => AnswerLoopAsync(AnswerCallsOnceAsync, _stop.Token), CancellationToken.None),
            Task.Run(() => AnswerLoopAsync(VisitOnceAsync, _stop.Token), CancellationToken.None));
    }

    /// <summary>
    /// Waits (boundedly) until officers have had their time: <paramref name="until"/> has come (the door-to-door links are
    /// due by then, and 叫应's deadline has passed), and no door link or late officer's reminder is left unanswered.
    /// </summary>
    public async Task<bool> SettleOfficersAsync(DateTimeOffset until, TimeSpan bound, CancellationToken cancellationToken)
    {
        var limit = TimeProvider.System.GetUtcNow() + bound;
        while (TimeProvider.System.GetUtcNow() < limit)
        {
            if (TimeProvider.System.GetUtcNow() >= until && !OfficersBusy) return true;
            await Task.Delay(LoopEvery, TimeProvider.System, cancellationToken);
        }
        return false;
    }

    /// <summary>Stops the people answering, after one last round so every confirmation due is in before reach is read.</summary>
    public async Task FinishAsync(string warningId, CancellationToken cancellationToken)
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await AnswerOnceAsync(warningId, cancellationToken);
        await AnswerCallsOnceAsync(warningId, cancellationToken);
        await VisitOnceAsync(warningId, cancellationToken);
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
        _cadres.Dispose();
        _stop.Dispose();
    }

    private async Task AnswerLoopAsync(Func<string, CancellationToken, Task> round, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(LoopEvery);
        while (await timer.WaitForNextTickAsync(stop))
        {
            if (WarningId is { } id) await round(id, stop);
        }
    }

    private Task AnswerOnceAsync(string warningId, CancellationToken cancellationToken) => GuardedAsync(async () =>
    {
        await ConfirmCaptionsAsync(cancellationToken);
        await ConfirmBroadcastsAsync(warningId, cancellationToken);
    }, cancellationToken);

    private Task AnswerCallsOnceAsync(string warningId, CancellationToken cancellationToken) => GuardedAsync(() =>
    {
        // Officers' texts are timed from when they arrived, whatever else this round is busy with.
        NoteOfficerTexts();
        return AnswerCallsAsync(warningId, cancellationToken);
    }, cancellationToken);

    private Task VisitOnceAsync(string warningId, CancellationToken cancellationToken) =>
        GuardedAsync(() => VisitHouseholdsAsync(warningId, cancellationToken), cancellationToken);

    private static async Task GuardedAsync(Func<Task> round, CancellationToken cancellationToken)
    {
        try
        {
            await round();
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // The hub is busy or slow to answer: whoever did not get through tries again next round.
        }
    }
}

/// <summary>A simulator or the hub did not come up as the demo needs; the message says which, for the console.</summary>
internal sealed class DemoTwinException(string message) : Exception(message);
