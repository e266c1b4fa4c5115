using System.Buffers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Cmpp.Protocol;

namespace WarningHub.Channels.Sms.Cmpp.Transport;

internal sealed partial class CmppConnection
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
                    _logger.LogDebug("CMPP connection {Name}: the peer closed the connection.", Name);
                    return;
                }

                filled += received;
                Volatile.Write(ref _lastReceivedAt, _time.GetTimestamp());
                var consumed = DispatchComplete(buffer.AsSpan(0, filled));
                filled -= consumed;
                if (filled > 0)
                {
                    buffer.AsSpan(consumed, filled).CopyTo(buffer);
                }
            }
        }
        catch (CmppPduException ex)
        {
            // Framing is broken: there is no way to find the next PDU. CMPP has no generic NACK, so hang up.
            _logger.LogWarning("CMPP connection {Name}: malformed stream, closing: {Reason}", Name, ex.Message);
            Interlocked.CompareExchange(ref _error, ex, null);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            if (!IsClosed)
            {
                Interlocked.CompareExchange(ref _error, ex, null);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Hands every complete PDU to the handler; returns the octets consumed. The buffer holds any whole PDU (at most 4 KiB).</summary>
    private int DispatchComplete(ReadOnlySpan<byte> data)
    {
        var offset = 0;
        while (data.Length - offset >= CmppHeader.Size)
        {
            var header = CmppHeader.Read(data[offset..]);
            if (header.TotalLength > data.Length - offset)
            {
                break;
            }

            _handler.OnPdu(header, data.Slice(offset + CmppHeader.Size, header.BodyLength));
            offset += (int)header.TotalLength;
        }

        return offset;
    }
}
