using System.Net.Sockets;
using System.Threading.Channels;

namespace WarningHub.Testing.Faults;

public sealed partial class FaultProxy
{
    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            if (_down)
            {
                Interlocked.Increment(ref _refused);
                Reset(client);
                continue;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(Socket client)
    {
        var target = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await target.ConnectAsync(_target, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            Interlocked.Increment(ref _refused);
            Reset(client);
            target.Dispose();
            return;
        }

        var connection = new ProxiedConnection(client, target);
        lock (_lock)
        {
            if (_down)
            {
                Interlocked.Increment(ref _refused);
                connection.Abort();
                return;
            }

            _connections.Add(connection);
        }

        Interlocked.Increment(ref _accepted);
        var up = PumpAsync(client, target, connection, TimeSpan.Zero, count => Interlocked.Add(ref _bytesUp, count));
        var down = PumpAsync(target, client, connection, TimeSpan.MinValue, count => Interlocked.Add(ref _bytesDown, count));
        await Task.WhenAny(up, down).ConfigureAwait(false);
        connection.Abort();
        await Task.WhenAll(up, down).ConfigureAwait(false);
        lock (_lock)
        {
            _connections.Remove(connection);
        }
    }

    /// <summary>
    /// Copies from one socket to the other. Toward the client (delay = MinValue: read the current
    /// <see cref="ResponseDelay"/>) each chunk is held until its time has come, in order.
    /// </summary>
    private async Task PumpAsync(Socket from, Socket to, ProxiedConnection connection, TimeSpan delay, Action<int> counted)
    {
        var delayed = delay == TimeSpan.MinValue;
        var held = Channel.CreateUnbounded<(long Due, byte[] Chunk)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writer = delayed ? WriteHeldAsync(held.Reader, to, connection, counted) : Task.CompletedTask;
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, connection.Token).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                if (delayed)
                {
                    var due = Environment.TickCount64 + (long)ResponseDelay.TotalMilliseconds;
                    held.Writer.TryWrite((due, buffer.AsSpan(0, read).ToArray()));
                }
                else
                {
                    await SendAllAsync(to, buffer.AsMemory(0, read), connection.Token).ConfigureAwait(false);
                    counted(read);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // cut, by a fault or by the other side
        }
        finally
        {
            held.Writer.TryComplete();
            await writer.ConfigureAwait(false);
        }
    }

    private static async Task WriteHeldAsync(ChannelReader<(long Due, byte[] Chunk)> held, Socket to, ProxiedConnection connection, Action<int> counted)
    {
        try
        {
            await foreach (var (due, chunk) in held.ReadAllAsync(connection.Token).ConfigureAwait(false))
            {
                var wait = due - Environment.TickCount64;
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(wait), connection.Token).ConfigureAwait(false);
                }

                await SendAllAsync(to, chunk, connection.Token).ConfigureAwait(false);
                counted(chunk.Length);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            connection.Abort();
        }
    }

    private static async Task SendAllAsync(Socket to, ReadOnlyMemory<byte> data, CancellationToken token)
    {
        while (!data.IsEmpty)
        {
            var sent = await to.SendAsync(data, SocketFlags.None, token).ConfigureAwait(false);
            data = data[sent..];
        }
    }

    private static void Reset(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
            // already gone
        }

        socket.Dispose();
    }

    /// <summary>A client and its target connection, cut together.</summary>
    private sealed class ProxiedConnection(Socket client, Socket target)
    {
        private readonly CancellationTokenSource _cut = new();
        private int _aborted;

        public CancellationToken Token => _cut.Token;

        public void Abort()
        {
            if (Interlocked.Exchange(ref _aborted, 1) != 0)
            {
                return;
            }

            _cut.Cancel();
            Reset(client);
            Reset(target);
        }
    }
}
