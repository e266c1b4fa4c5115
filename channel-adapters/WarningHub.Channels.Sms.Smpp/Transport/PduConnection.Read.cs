using System.Buffers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Smpp.Protocol;

namespace WarningHub.Channels.Sms.Smpp.Transport;

internal sealed partial class PduConnection
{
    private async Task ReadLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var filled = 0;
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, _abort.Token).ConfigureAwait(false);
                if (received == 0)
                {
                    _logger.LogDebug("SMPP connection {Name}: the peer closed the connection.", Name);
                    return;
                }

                filled += received;
                Volatile.Write(ref _lastReceivedAt, _time.GetTimestamp());
                var consumed = DispatchComplete(buffer.AsSpan(0, filled), out var needed);
                filled -= consumed;
                if (filled > 0)
                {
                    buffer.AsSpan(consumed, filled).CopyTo(buffer);
                }

                if (needed > buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(needed);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }
        }
        catch (SmppPduException ex)
        {
            // The framing itself is broken: there is no way to find the next PDU, so answer and hang up.
            _logger.LogWarning("SMPP connection {Name}: malformed PDU, closing: {Reason}", Name, ex.Message);
            Interlocked.CompareExchange(ref _error, ex, null);
            TryEnqueue(OutboundPdu.HeaderOnly(CommandId.GenericNack, 0, ex.Status));
            Volatile.Write(ref _flushBeforeClose, true);
            CloseAfterFlush();
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            if (!IsClosed)
            {
                Interlocked.CompareExchange(ref _error, ex, null);
                _logger.LogDebug("SMPP connection {Name}: read ended: {Reason}", Name, ex.Message);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Hands every complete PDU in <paramref name="data"/> to the handler; returns the octets consumed.</summary>
    private int DispatchComplete(ReadOnlySpan<byte> data, out int needed)
    {
        var offset = 0;
        needed = 0;
        while (data.Length - offset >= PduHeader.Size)
        {
            var header = PduHeader.Read(data[offset..]);
            if (header.Length > data.Length - offset)
            {
                needed = (int)header.Length;
                break;
            }

            var body = data.Slice(offset + PduHeader.Size, (int)header.Length - PduHeader.Size);
            _handler.OnPdu(header, body);
            offset += (int)header.Length;
        }

        return offset;
    }
}
