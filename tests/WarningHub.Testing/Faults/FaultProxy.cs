using System.Net;
using System.Net.Sockets;

namespace WarningHub.Testing.Faults;

/// <summary>
/// A TCP proxy for fault tests: it listens on 127.0.0.1 (a free port), forwards every connection to a target, and
/// can drop all connections every N seconds, delay what the target sends back by M milliseconds, and refuse
/// connections while "down". It never looks into the bytes, so it serves any protocol. The drop period is real time:
/// it is about sockets, which live in real time. Counters say what it did.
/// </summary>
public sealed partial class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private readonly HashSet<ProxiedConnection> _connections = [];
    private Task _acceptLoop = Task.CompletedTask;
    private Task _dropLoop = Task.CompletedTask;
    private volatile bool _down;
    private long _accepted;
    private long _refused;
    private long _dropped;
    private long _bytesUp;
    private long _bytesDown;

    private FaultProxy(IPEndPoint target, TimeSpan responseDelay)
    {
        _target = target;
        ResponseDelay = responseDelay;
    }

    /// <summary>The port clients connect to.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>How long bytes from the target are held before they go on to the client.</summary>
    public TimeSpan ResponseDelay { get; set; }

    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Connections closed at once because the proxy was down.</summary>
    public long Refused => Interlocked.Read(ref _refused);

    /// <summary>Connections cut by <see cref="DropAll"/> (periodic or called).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public long BytesToTarget => Interlocked.Read(ref _bytesUp);

    public long BytesToClient => Interlocked.Read(ref _bytesDown);

    public int OpenConnections
    {
        get
        {
            lock (_lock)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>While true, every connection is cut and new ones are closed as soon as they are accepted.</summary>
    public bool Down
    {
        get => _down;
        set
        {
            _down = value;
            if (value)
            {
                DropAll();
            }
        }
    }

    /// <summary>Starts forwarding to 127.0.0.1:<paramref name="targetPort"/>; with a period, drops every connection that often.</summary>
    public static FaultProxy Start(int targetPort, TimeSpan? dropEvery = null, TimeSpan? responseDelay = null)
    {
        var proxy = new FaultProxy(new IPEndPoint(IPAddress.Loopback, targetPort), responseDelay ?? TimeSpan.Zero);
        proxy._listener.Start();
        proxy._acceptLoop = proxy.AcceptLoopAsync();
        if (dropEvery is { } period)
        {
            proxy._dropLoop = proxy.DropLoopAsync(period);
        }

        return proxy;
    }

    /// <summary>Cuts every open connection now (with a reset), discarding bytes held back by the delay.</summary>
    public void DropAll()
    {
        ProxiedConnection[] open;
        lock (_lock)
        {
            open = [.. _connections];
            _connections.Clear();
        }

        foreach (var connection in open)
        {
            Interlocked.Increment(ref _dropped);
            connection.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        DropAll();
        await Task.WhenAll(_acceptLoop, _dropLoop).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task DropLoopAsync(TimeSpan period)
    {
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                DropAll();
            }
        }
        catch (OperationCanceledException)
        {
            // disposed
        }
    }
}
