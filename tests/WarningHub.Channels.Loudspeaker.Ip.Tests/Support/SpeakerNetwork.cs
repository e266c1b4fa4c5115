using WarningHub.Abstractions;
using WarningHub.Simulators.Speakers;

namespace WarningHub.Channels.Loudspeaker.Ip.Tests.Support;

/// <summary>An adapter on 127.0.0.1 with simulated terminals that send it heartbeats.</summary>
internal sealed class SpeakerNetwork : IAsyncDisposable
{
    private readonly List<SimulatedSpeaker> _speakers = [];

    private SpeakerNetwork(IpSpeakerChannel channel) => Channel = channel;

    public IpSpeakerChannel Channel { get; }

    public static async Task<SpeakerNetwork> StartAsync(Action<IpSpeakerOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new IpSpeakerOptions { LocalAddress = "127.0.0.1", HeartbeatPort = 0 };
        configure?.Invoke(options);
        Assert.True(new IpSpeakerOptionsValidator().Validate("test", options).Succeeded);
        var channel = new IpSpeakerChannel("test", options, time);
        await channel.StartAsync(CancellationToken.None);
        return new SpeakerNetwork(channel);
    }

    /// <summary>Starts a terminal and, when it sends heartbeats, waits until the adapter knows it.</summary>
    public async Task<SimulatedSpeaker> AddSpeakerAsync(Action<SimulatedSpeakerOptions>? configure = null, bool heartbeats = true, SpeakerUplink? uplink = null)
    {
        var options = new SimulatedSpeakerOptions { Id = $"sim-{_speakers.Count + 1}", HeartbeatTarget = heartbeats ? Channel.HeartbeatEndpoint : null };
        configure?.Invoke(options);
        var speaker = new SimulatedSpeaker(options, uplink);
        _speakers.Add(speaker);
        await speaker.StartAsync();
        if (heartbeats)
        {
            Assert.True(await Eventually.TrueAsync(() => Channel.Terminals.Any(t => t.Address == speaker.RtpAddress)), "the adapter never heard the terminal");
        }

        return speaker;
    }

    public TerminalState? StateOf(string key) => Channel.Terminals.FirstOrDefault(t => t.Address == key)?.State;

    /// <summary>The next <paramref name="count"/> receipts, or fewer if they do not come within 10 s.</summary>
    public async Task<List<Receipt>> ReceiptsAsync(int count)
    {
        var receipts = new List<Receipt>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (receipts.Count < count)
            {
                receipts.Add(await Channel.Receipts.ReadAsync(timeout.Token));
            }
        }
        catch (OperationCanceledException)
        {
            // Fewer than expected: the caller's assertion says so.
        }

        return receipts;
    }

    public async ValueTask DisposeAsync()
    {
        await Channel.DisposeAsync();
        foreach (var speaker in _speakers)
        {
            await speaker.DisposeAsync();
        }
    }
}
