using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Channels.Loudspeaker.Ip;
using WarningHub.Core.Registry;
using WarningHub.Simulators.Speakers;

namespace WarningHub.Cli.Demo;

/// <summary>IP loudspeakers (村村响): one simulated terminal per village, all sending heartbeats through one socket.</summary>
internal sealed partial class DemoTwin
{
    public const string IpNetwork = "county";

    // The bureau's own test terminal is planned only for Test and Exercise warnings: nothing listens there in the demo.
    private const string TestTerminalAddress = "rtp://127.0.0.1:9";
    private static readonly TimeSpan TerminalsKnownWithin = TimeSpan.FromSeconds(15);

    private readonly SpeakerUplink _uplink = new();
    private readonly List<SimulatedSpeaker> _speakers = [];

    /// <summary>How many simulated IP terminals there are (one per village).</summary>
    public int IpTerminals => _speakers.Count;

    /// <summary>How long the longest RTP stream a terminal received lasted: the bulletin as the villages heard it.</summary>
    public TimeSpan BulletinLength => TimeSpan.FromMilliseconds(20 * _speakers.SelectMany(s => s.Streams).Select(s => s.Packets).DefaultIfEmpty(0).Max());

    /// <summary>Streams the terminals received, and how many of them lost packets on the way.</summary>
    public (int Streams, int WithLoss) RtpStreams
    {
        get
        {
            var streams = _speakers.SelectMany(s => s.Streams).ToList();
            return (streams.Count, streams.Count(s => s.Lost > 0));
        }
    }

    private async Task StartSpeakersAsync(int villages)
    {
        for (var i = 0; i < villages; i++)
        {
            var speaker = new SimulatedSpeaker(new SimulatedSpeakerOptions
            {
                Id = $"JY-{i + 1:D3}",
                // A county of terminals: no audio or jitter samples kept, only the counts.
                KeepAudio = false,
                KeepJitterSamples = false,
                // Two cores shared with the hub can pause the pacer; a short stall must not end the stream early.
                StreamEndSilence = TimeSpan.FromMilliseconds(600),
            }, _uplink);
            _speakers.Add(speaker);
            await speaker.StartAsync();
        }
    }

    private string IpAddressOf(Region village, int index) => index < 0 ? TestTerminalAddress : _speakers[index].RtpAddress;

    private static Dictionary<string, string?> SpeakerSettings() => new()
    {
        [$"WarningHub:Loudspeakers:Ip:{IpNetwork}:LocalAddress"] = "127.0.0.1",
        [$"WarningHub:Loudspeakers:Ip:{IpNetwork}:HeartbeatPort"] = "0",
    };

    /// <summary>Points every terminal's heartbeats at the hub and waits until the hub has heard each one.</summary>
    private async Task ConnectSpeakersAsync(WebApplication app, CancellationToken cancellationToken)
    {
        var channel = app.Services.GetRequiredKeyedService<IpSpeakerChannel>(IpNetwork);
        var endpoint = channel.HeartbeatEndpoint ?? throw new DemoTwinException("The hub's loudspeaker network did not start.");
        foreach (var speaker in _speakers) speaker.SendHeartbeatsTo(endpoint);
        var clock = Stopwatch.StartNew();
        while (_speakers.Any(s => channel.StatusOf(s.RtpAddress) is null))
        {
            if (clock.Elapsed > TerminalsKnownWithin)
            {
                var unheard = _speakers.Count(s => channel.StatusOf(s.RtpAddress) is null);
                throw new DemoTwinException($"The hub did not hear {unheard} of {_speakers.Count} simulated loudspeakers within {TerminalsKnownWithin.TotalSeconds:F0} s.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System, cancellationToken);
        }
    }

    private async Task DisposeSpeakersAsync()
    {
        foreach (var speaker in _speakers) await speaker.DisposeAsync();
        _uplink.Dispose();
    }
}
