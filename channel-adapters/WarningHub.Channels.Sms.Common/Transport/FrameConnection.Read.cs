using System.Buffers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using System.Buffers.Binary;

namespace WarningHub.Channels.Sms.Common.Transport;

internal sealed partial class FrameConnection
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
                    _logger.LogDebug("{Protocol} connection {Name}: the peer closed the connection.", _layout.Protocol, Name);
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
        catch (PduFormatException ex)
        {
            // Framing is broken: there is no way to find the next PDU. These protocols have no generic NACK, so hang up.
            _logger.LogWarning("{Protocol} connection {Name}: malformed stream, closing: {Reason}", _layout.Protocol, Name, ex.Message);
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

    /// <summary>Hands every complete PDU to the handler; returns the octets consumed. The buffer holds any whole PDU.</summary>
    private int DispatchComplete(ReadOnlySpan<byte> data)
    {
        var offset = 0;
        while (data.Length - offset >= _layout.HeaderSize)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);
            if (length < _layout.HeaderSize || length > _layout.MaxLength)
            {
                throw new PduFormatException($"{_layout.Protocol} length {length} is outside {_layout.HeaderSize}..{_layout.MaxLength}.");
            }

            if (length > data.Length - offset)
            {
                break;
            }

            _handler.OnFrame(data.Slice(offset, (int)length));
            offset += (int)length;
        }

        return offset;
    }
}
