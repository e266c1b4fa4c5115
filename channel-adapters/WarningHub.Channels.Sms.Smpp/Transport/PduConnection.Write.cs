using System.Buffers;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using WarningHub.Channels.Sms.Smpp.Protocol;

namespace WarningHub.Channels.Sms.Smpp.Transport;

internal sealed partial class PduConnection
{
    private async Task WriteLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var queue = _outbound.Reader;
        try
        {
            while (await queue.WaitToReadAsync(_abort.Token).ConfigureAwait(false))
            {
                var used = 0;
                while (queue.TryPeek(out var next))
                {
                    var room = next.MaxLength;
                    if (room > buffer.Length - used)
                    {
                        if (used > 0)
                        {
                            break; // send this batch, start the next with an empty buffer
                        }

                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = ArrayPool<byte>.Shared.Rent(room);
                    }

                    queue.TryRead(out next);
                    used += EncodeOne(next, buffer.AsSpan(used));
                }

                if (used > 0)
                {
                    await SendAllAsync(buffer.AsMemory(0, used)).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            if (!IsClosed)
            {
                Interlocked.CompareExchange(ref _error, ex, null);
                _logger.LogDebug("SMPP connection {Name}: write ended: {Reason}", Name, ex.Message);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private int EncodeOne(in OutboundPdu pdu, Span<byte> destination)
    {
        if (pdu.Pending is { } pending && !pending.TryMarkWritten())
        {
            return 0; // it expired while queued and its sender was told it never left: keep that true
        }

        try
        {
            return pdu.Encode(destination);
        }
        catch (Exception ex) when (ex is ArgumentException or IndexOutOfRangeException)
        {
            _logger.LogError(ex, "SMPP connection {Name}: could not encode {Command}.", Name, pdu.Command);
            pdu.Pending?.Complete(PduResponse.Failed(ResponseFailure.Malformed));
            return 0;
        }
    }

    private async ValueTask SendAllAsync(ReadOnlyMemory<byte> data)
    {
        while (!data.IsEmpty)
        {
            var sent = await _socket.SendAsync(data, SocketFlags.None, _abort.Token).ConfigureAwait(false);
            data = data[sent..];
        }
    }
}
