using System.Net;
using System.Net.Sockets;
using WarningHub.Testing.Faults;

namespace WarningHub.Channels.Sms.Smpp.Tests.Faults;

/// <summary>The shared kit's fault proxy, against a plain TCP echo server (it must not care what the bytes mean).</summary>
public sealed class FaultProxyTests : IAsyncLifetime
{
    private readonly TcpListener _echo = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private Task _echoLoop = Task.CompletedTask;

    private int EchoPort => ((IPEndPoint)_echo.LocalEndpoint).Port;

    public Task InitializeAsync()
    {
        _echo.Start();
        _echoLoop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _echo.AcceptSocketAsync(_stop.Token);
                _ = Task.Run(async () =>
                {
                    var buffer = new byte[1024];
                    try
                    {
                        int read;
                        while ((read = await socket.ReceiveAsync(buffer, SocketFlags.None)) > 0)
                        {
                            await socket.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
                        }
                    }
                    catch (SocketException)
                    {
                        // cut by the proxy
                    }
                    finally
                    {
                        socket.Dispose();
                    }
                });
            }
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _echo.Stop();
        try
        {
            await _echoLoop.WaitAsync(TimeSpan.FromSeconds(1));
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // The echo loop ends by cancellation, or with its sockets; the test's assertions are already made.
        }
        _stop.Dispose();
    }

    [Fact]
    public async Task Forwards_BothWays_AndCountsTheBytes()
    {
        await using var proxy = FaultProxy.Start(EchoPort, responseDelay: TimeSpan.FromMilliseconds(50));
        using var client = await ConnectAsync(proxy);

        Assert.Equal("hello", await EchoAsync(client, "hello"));
        Assert.True(await Eventually.TrueAsync(() => proxy.BytesToTarget == 5 && proxy.BytesToClient == 5));
        Assert.Equal(1, proxy.Accepted);
    }

    [Fact]
    public async Task Down_CutsOpenConnections_RefusesNewOnes_AndUpAgainForwards()
    {
        await using var proxy = FaultProxy.Start(EchoPort);
        using var open = await ConnectAsync(proxy);
        Assert.Equal("one", await EchoAsync(open, "one"));

        proxy.Down = true;

        Assert.True(await IsCutAsync(open), "the open connection survived");
        Assert.Equal(1, proxy.Dropped);
        Assert.True(await NewConnectionIsCutAsync(proxy), "a connection was forwarded while down");
        Assert.True(await Eventually.TrueAsync(() => proxy.Refused >= 1));
        proxy.Down = false;
        using var again = await ConnectAsync(proxy);
        Assert.Equal("two", await EchoAsync(again, "two"));
    }

    [Fact]
    public async Task DropEvery_CutsEveryConnectionPeriodically()
    {
        await using var proxy = FaultProxy.Start(EchoPort, dropEvery: TimeSpan.FromMilliseconds(200));
        using var client = await ConnectAsync(proxy);

        Assert.True(await IsCutAsync(client), "the connection was never dropped");
        Assert.True(proxy.Dropped >= 1);
        Assert.Equal(0, proxy.OpenConnections);
    }

    private static async Task<Socket> ConnectAsync(FaultProxy proxy)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, proxy.Port);
        return socket;
    }

    private static async Task<string> EchoAsync(Socket client, string text)
    {
        var octets = System.Text.Encoding.ASCII.GetBytes(text);
        await client.SendAsync(octets, SocketFlags.None);
        var buffer = new byte[octets.Length];
        var filled = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (filled < buffer.Length)
        {
            var read = await client.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, timeout.Token);
            Assert.True(read > 0, "the proxy closed the connection");
            filled += read;
        }

        return System.Text.Encoding.ASCII.GetString(buffer);
    }

    /// <summary>True when connecting fails, or the connection is cut right after.</summary>
    private static async Task<bool> NewConnectionIsCutAsync(FaultProxy proxy)
    {
        try
        {
            using var socket = await ConnectAsync(proxy);
            return await IsCutAsync(socket);
        }
        catch (SocketException)
        {
            return true;
        }
    }

    /// <summary>True when a read ends with end-of-stream or a reset within 10 s.</summary>
    private static async Task<bool> IsCutAsync(Socket client)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            return await client.ReceiveAsync(new byte[16], SocketFlags.None, timeout.Token) == 0;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
