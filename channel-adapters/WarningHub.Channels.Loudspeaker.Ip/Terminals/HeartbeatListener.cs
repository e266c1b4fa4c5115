using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace WarningHub.Channels.Loudspeaker.Ip.Terminals;

/// <summary>
/// Receives terminals' heartbeat datagrams on one UDP port and hands each valid report on. Malformed datagrams are
/// counted and logged at debug level (a flood of them must not flood the log).
/// </summary>
internal sealed class HeartbeatListener : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly IpSpeakerOptions _options;
    private readonly Action<TerminalReport> _onReport;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _malformed;

    public HeartbeatListener(IPEndPoint local, IpSpeakerOptions options, Action<TerminalReport> onReport, ILogger logger)
    {
        _options = options;
        _onReport = onReport;
        _logger = logger;
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 1 << 20 };
        try
        {
            _socket.Bind(local);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        Endpoint = (IPEndPoint)_socket.LocalEndPoint!;
        _loop = Task.Run(ReceiveAsync);
    }

    /// <summary>Where terminals send heartbeats (the chosen port when 0 was configured).</summary>
    public IPEndPoint Endpoint { get; }

    public long Malformed => Interlocked.Read(ref _malformed);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        await _loop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[HeartbeatDatagram.MaxLength + 1];
        var any = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                // ICMP errors from earlier sends surface here on some stacks; the socket stays usable.
                _logger.LogDebug("Heartbeat socket: {Error}", e.SocketErrorCode);
                continue;
            }

            var source = ((IPEndPoint)received.RemoteEndPoint).Address;
            var report = HeartbeatDatagram.Parse(buffer.AsSpan(0, received.ReceivedBytes), source, _options, out var problem);
            if (report is null)
            {
                Interlocked.Increment(ref _malformed);
                _logger.LogDebug("Ignored a heartbeat datagram from {Source}: {Problem}", source, problem);
                continue;
            }

            try
            {
                _onReport(report);
            }
            catch (Exception e)
            {
                _logger.LogError(e, "Handling a heartbeat from {Terminal} failed", report.Key);
            }
        }
    }
}
