using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smgp.Session;
using WarningHub.Channels.Sms.Common.Flow;

namespace WarningHub.Channels.Sms.Smgp;

public sealed partial class SmgpGateway
{
    private readonly Lock _lifecycleLock = new();
    private SmgpSession[] _live = [];
    private TaskCompletionSource _liveChanged = NewSignal();
    private CancellationTokenSource? _stopping;
    private Task[] _bindLoops = [];
    private int _roundRobin;
    private GatewayHealth _health;

    /// <inheritdoc />
    public GatewayHealth Health => Volatile.Read(ref _health);

    /// <summary>
    /// Starts every connection and returns when one is connected, or when each has made its first attempt (the SMGW
    /// may be down: connections keep retrying with back-off, and <see cref="Health"/> says why it is down).
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Task[] firstAttempts;
        lock (_lifecycleLock)
        {
            if (_stopping is not null)
            {
                return;
            }

            _stopping = new CancellationTokenSource();
            var attempts = new TaskCompletionSource[_options.Binds];
            _bindLoops = new Task[_options.Binds];
            for (var slot = 0; slot < _options.Binds; slot++)
            {
                attempts[slot] = NewSignal();
                _bindLoops[slot] = RunBindAsync(slot, attempts[slot], _stopping.Token);
            }

            firstAttempts = [.. attempts.Select(a => a.Task)];
        }

        using var startWait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var anyLive = WaitForLiveAsync(startWait.Token);
        await Task.WhenAny(anyLive, Task.WhenAll(firstAttempts)).WaitAsync(cancellationToken).ConfigureAwait(false);
        await startWait.CancelAsync().ConfigureAwait(false);
        if (LiveBinds == 0)
        {
            _logger.LogWarning("SMGP gateway {Gateway}: no connection is up yet ({Problem}); retrying in the background.", Name, Health.Problem);
        }
    }

    /// <summary>Sends Exit on every connection, letting outstanding Submits be answered until the token fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        CancellationTokenSource? stopping;
        Task[] loops;
        SmgpSession[] sessions;
        lock (_lifecycleLock)
        {
            (stopping, loops, sessions) = (_stopping, _bindLoops, _live);
            (_stopping, _bindLoops, _live) = (null, [], []);
        }

        if (stopping is null)
        {
            return;
        }

        SignalLiveChanged();
        await stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(sessions.Select(s => TerminateQuietlyAsync(s, cancellationToken))).ConfigureAwait(false);
        await Task.WhenAll(loops).ConfigureAwait(false);
        stopping.Dispose();
        SetHealth(GatewayHealth.Down($"SMGP gateway {Name} is stopped.", _time.GetUtcNow()));
        _logger.LogInformation("SMGP gateway {Gateway}: stopped.", Name);
    }

    private static async Task TerminateQuietlyAsync(SmgpSession session, CancellationToken cancellationToken)
    {
        try
        {
            await session.ExitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Connect, Login, serve until the link drops, wait a jittered back-off, repeat until stopped.</summary>
    private async Task RunBindAsync(int slot, TaskCompletionSource firstAttempt, CancellationToken stopping)
    {
        await Task.Yield();
        var failures = 0;
        var bindName = $"{Name}#{slot}";
        while (!stopping.IsCancellationRequested)
        {
            SmgpSession? session = null;
            var handedOver = false;
            string? problem = null;
            try
            {
                var socket = await ConnectSocketAsync(stopping).ConfigureAwait(false);
                session = new SmgpSession(socket, bindName, _options, _time, _loggerFactory.CreateLogger<SmgpSession>(), OnDeliver);
                await session.LoginAsync(Name, stopping).ConfigureAwait(false);
                failures = 0;
                AddLive(session);
                handedOver = true;
                firstAttempt.TrySetResult();
                _logger.LogInformation("SMGP {Bind}: logged in to {Host}:{Port}.", bindName, _options.Host, _options.Port);
                await session.Closed.WaitAsync(stopping).ConfigureAwait(false);
                problem = $"The connection of SMGP gateway {Name} to {_options.Host}:{_options.Port} was lost; reconnecting.";
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (SmgpLoginException ex)
            {
                _logger.LogWarning("SMGP {Bind}: {Problem}", bindName, ex.Message);
                problem = ex.Message;
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException or IOException)
            {
                problem = $"SMGP gateway {Name} cannot reach {_options.Host}:{_options.Port} ({ex.Message}): check Host and Port, and the network.";
                _logger.LogWarning("SMGP {Bind}: {Problem}", bindName, problem);
            }
            finally
            {
                if (session is not null)
                {
                    await ReleaseAsync(session, handedOver, stopping.IsCancellationRequested).ConfigureAwait(false);
                }
            }

            if (problem is not null && !stopping.IsCancellationRequested)
            {
                NoteDown(problem);
            }

            firstAttempt.TrySetResult();
            try
            {
                await Task.Delay(Backoff(failures++), _time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        firstAttempt.TrySetResult();
    }

    /// <summary>Once stopping, StopAsync owns the sessions it found live; one that came up meanwhile is terminated here.</summary>
    private async Task ReleaseAsync(SmgpSession session, bool wasLive, bool stopping)
    {
        if (!wasLive || !stopping)
        {
            RemoveLive(session);
            await session.DisposeAsync().ConfigureAwait(false);
        }
        else if (RemoveLive(session))
        {
            using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
            await TerminateQuietlyAsync(session, timeout.Token).ConfigureAwait(false);
        }
    }

    private async Task<Socket> ConnectSocketAsync(CancellationToken stopping)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
            using var connect = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
            await socket.ConnectAsync(_options.Host, _options.Port, connect.Token).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private TimeSpan Backoff(int failures) => ReconnectBackoff.Delay(failures, _options.ReconnectMin, _options.ReconnectMax);

    private void NoteDown(string problem)
    {
        if (LiveBinds == 0 && Health.Problem != problem)
        {
            SetHealth(GatewayHealth.Down(problem, _time.GetUtcNow()));
        }
    }

    private void SetHealth(GatewayHealth health) => Volatile.Write(ref _health, health);

    private void AddLive(SmgpSession session)
    {
        lock (_lifecycleLock)
        {
            _live = [.. _live, session];
        }

        if (!Health.IsUp)
        {
            SetHealth(GatewayHealth.Up(_time.GetUtcNow()));
        }

        SignalLiveChanged();
    }

    private bool RemoveLive(SmgpSession session)
    {
        lock (_lifecycleLock)
        {
            if (!_live.Contains(session))
            {
                return false;
            }

            _live = [.. _live.Where(s => s != session)];
        }

        SignalLiveChanged();
        return true;
    }

    private void SignalLiveChanged() => Interlocked.Exchange(ref _liveChanged, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A connected session, preferring one with room in its window; null when none is connected now.</summary>
    private SmgpSession? PickSession()
    {
        var live = Volatile.Read(ref _live);
        if (live.Length == 0)
        {
            return null;
        }

        var start = (int)((uint)Interlocked.Increment(ref _roundRobin) % (uint)live.Length);
        for (var i = 0; i < live.Length; i++)
        {
            var candidate = live[(start + i) % live.Length];
            if (candidate.IsConnected && candidate.FreeWindow > 0)
            {
                return candidate;
            }
        }

        return live[start];
    }

    private async Task WaitForLiveAsync(CancellationToken cancellationToken)
    {
        while (Volatile.Read(ref _live).Length == 0)
        {
            var changed = Volatile.Read(ref _liveChanged).Task;
            if (Volatile.Read(ref _live).Length > 0)
            {
                return;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
