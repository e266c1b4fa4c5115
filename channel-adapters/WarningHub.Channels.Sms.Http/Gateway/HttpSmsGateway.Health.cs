using System.Net.Sockets;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Http.Gateway;

namespace WarningHub.Channels.Sms.Http;

public sealed partial class HttpSmsGateway
{
    private GatewayHealth _health;
    private CancellationTokenSource? _stopping;
    private Task _background = Task.CompletedTask;

    /// <inheritdoc />
    public GatewayHealth Health => Volatile.Read(ref _health);

    /// <summary>
    /// Probes the gateway once with a TCP connect (no request: nothing is sent), then keeps probing every
    /// HealthCheckInterval and, for the Cloud profile, pulls receipts every PollInterval.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var stopping = new CancellationTokenSource();
        if (Interlocked.CompareExchange(ref _stopping, stopping, null) is not null)
        {
            stopping.Dispose();
            return;
        }

        await ProbeAsync(cancellationToken).ConfigureAwait(false);
        var loops = new List<Task> { Task.Run(() => ProbeLoopAsync(stopping.Token), CancellationToken.None) };
        if (_options.EffectiveReceipts == HttpSmsReceipts.Polling)
        {
            loops.Add(Task.Run(() => PollLoopAsync(stopping.Token), CancellationToken.None));
        }

        _background = Task.WhenAll(loops);
    }

    /// <summary>Sends what waits in open batches, then stops polling and probing.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var stopping = Volatile.Read(ref _stopping);
        if (stopping is null || stopping.IsCancellationRequested) return;
        await stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await FlushAllAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            await _background.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The loops end at their next await; nothing of theirs must outlive the caller's patience.
        }

        SetHealth(GatewayHealth.Down($"HTTP SMS gateway {Name} is stopped.", _time.GetUtcNow()));
    }

    private async Task ProbeLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.HealthCheckInterval, _time, stopping).ConfigureAwait(false);
                await ProbeAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Opens and closes a TCP connection to the gateway's host and port: up when it connects, down otherwise.</summary>
    private async Task ProbeAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        using var socket = new TcpClient();
        try
        {
            await socket.ConnectAsync(_baseUrl.Host, _baseUrl.Port, linked.Token).ConfigureAwait(false);
            if (!Health.IsUp)
            {
                SetHealth(GatewayHealth.Up(_time.GetUtcNow()));
                Log.Up(_logger, Name);
            }
        }
        catch (Exception ex) when (ex is SocketException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            MarkDown($"HTTP SMS gateway {Name} at {_baseUrl.Host}:{_baseUrl.Port} does not accept connections: {(ex is SocketException s ? s.SocketErrorCode.ToString() : "connect timed out")}.");
        }
    }

    private void MarkDown(string problem)
    {
        var health = Health;
        if (!health.IsUp && health.Problem == problem) return;
        SetHealth(GatewayHealth.Down(problem, _time.GetUtcNow()));
        Log.Down(_logger, Name, problem);
    }

    private void SetHealth(GatewayHealth health) => Volatile.Write(ref _health, health);
}
