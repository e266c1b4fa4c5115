using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Sgip.Session;

namespace WarningHub.Channels.Sms.Sgip;

public sealed partial class SgipGateway
{
    private readonly ConcurrentDictionary<SgipSession, byte> _inbound = new();
    private Socket? _listener;
    private int _inboundCount;

    /// <summary>Opens the port the SMG connects to; a port that is taken or an address that is not ours throws at once.</summary>
    private void StartListening()
    {
        var listener = new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(IPAddress.Parse(_options.ListenAddress), _options.ListenPort));
            listener.Listen(16);
        }
        catch (SocketException ex)
        {
            listener.Dispose();
            throw new InvalidOperationException(
                $"SGIP gateway {Name} cannot listen on {_options.ListenAddress}:{_options.ListenPort} for the SMG's connection ({ex.SocketErrorCode}): check ListenAddress and ListenPort of gateway {Name}.", ex);
        }

        _listener = listener;
        ListenPort = ((IPEndPoint)listener.LocalEndPoint!).Port;
        _logger.LogInformation("SGIP gateway {Gateway}: listening on {Address}:{Port} for the SMG's reports and messages.", Name, _options.ListenAddress, ListenPort);
    }

    /// <summary>Accepts the SMG's connections until stopped; each must Bind (type 2) before anything it sends is taken.</summary>
    private async Task AcceptLoopAsync(CancellationToken stopping)
    {
        await Task.Yield();
        while (!stopping.IsCancellationRequested && _listener is { } listener)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var name = $"{Name}<smg#{Interlocked.Increment(ref _inboundCount)}";
            var session = new SgipSession(socket, name, SgipSession.SessionRole.FromSmg, _options, _sequencer, _time, _loggerFactory.CreateLogger<SgipSession>(), Incoming);
            _inbound[session] = 0;
            session.Accept();
            _ = session.Closed.ContinueWith(
                async _ =>
                {
                    _inbound.TryRemove(session, out byte _);
                    await session.DisposeAsync().ConfigureAwait(false);
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default).Unwrap();
        }
    }

    private async Task StopListeningAsync(CancellationToken cancellationToken)
    {
        _listener?.Dispose();
        _listener = null;
        foreach (var session in _inbound.Keys)
        {
            session.Abort(); // the SMG keeps what we did not answer and sends it again on its next connection
        }

        try
        {
            await _acceptLoop.WaitAsync(cancellationToken).ConfigureAwait(false);
            await Task.WhenAll(_inbound.Keys.Select(s => s.Closed)).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _logger.LogDebug("SGIP gateway {Gateway}: the SMG's connections did not close in time.", Name);
        }
    }
}
