using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using WarningHub.Abstractions;

namespace WarningHub.Simulators.Speakers;

public sealed partial class SimulatedSpeaker
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);
    private readonly SpeakerUplink? _uplink;
    private Socket? _heartbeat;
    private IPEndPoint? _heartbeatTarget;
    private int _reportsSent;

    /// <summary>Play reports sent (played or not).</summary>
    public int ReportsSent => Volatile.Read(ref _reportsSent);

    /// <summary>
    /// Starts heartbeats and play reports to <paramref name="target"/> after the terminal started without a
    /// <see cref="SimulatedSpeakerOptions.HeartbeatTarget"/>: for a hub whose heartbeat port is chosen when it starts,
    /// while its registry already needs the terminal's RTP address.
    /// </summary>
    public void SendHeartbeatsTo(IPEndPoint target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (_heartbeatTarget is not null)
        {
            throw new InvalidOperationException($"Heartbeats already go to {_heartbeatTarget}.");
        }

        StartHeartbeats(target);
    }

    private void StartHeartbeats(IPEndPoint target)
    {
        _heartbeatTarget = target;
        if (_uplink is null)
        {
            _heartbeat = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            _heartbeat.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        }

        SendStatus(null, null);
        _loops.Add(Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(Tick);
            var sinceHeartbeat = TimeSpan.Zero;
            try
            {
                while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
                {
                    EndSilentStreams();
                    sinceHeartbeat += Tick;
                    if (sinceHeartbeat >= Options.HeartbeatInterval)
                    {
                        sinceHeartbeat = TimeSpan.Zero;
                        SendStatus(null, null);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Stopping.
            }
        }));
    }

    private void ReportPlay(string playId)
    {
        if (Options.PlayOutcome != PlayOutcome.Silent)
        {
            SendStatus(playId, Options.PlayOutcome == PlayOutcome.Played);
            Interlocked.Increment(ref _reportsSent);
        }
    }

    /// <summary>One datagram in the adapter's heartbeat format (see the adapter's README, "Heartbeat datagram").</summary>
    private void SendStatus(string? playId, bool? played)
    {
        if (_offline || _heartbeatTarget is null || (_heartbeat is null && _uplink is null))
        {
            return;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", Options.Id);
            json.WriteNumber("port", RtpPort);
            json.WriteString("state", State.ToString().ToLowerInvariant());
            json.WriteStartArray("groups");
            foreach (var group in Options.Groups)
            {
                json.WriteStringValue(group);
            }

            json.WriteEndArray();
            if (playId is not null)
            {
                json.WriteString("playId", playId);
                json.WriteBoolean("played", played ?? false);
            }

            json.WriteEndObject();
        }

        if (_uplink is not null)
        {
            _uplink.Send(buffer.WrittenSpan, _heartbeatTarget);
            return;
        }

        try
        {
            _heartbeat!.SendTo(buffer.WrittenSpan, SocketFlags.None, _heartbeatTarget);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // A lost heartbeat is what the adapter must cope with anyway.
        }
    }
}
