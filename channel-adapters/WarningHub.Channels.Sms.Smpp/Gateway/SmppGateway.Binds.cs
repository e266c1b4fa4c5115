using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Session;

namespace WarningHub.Channels.Sms.Smpp;

public sealed partial class SmppGateway
{
    private readonly Lock _lifecycleLock = new();
    private SmppSession[] _live = [];
    private TaskCompletionSource _liveChanged = NewSignal();
    private CancellationTokenSource? _stopping;
    private Task[] _bindLoops = [];
    private int _roundRobin;

    /// <summary>Messages inside SendAsync past their checks: a stop lets them finish before it unbinds.</summary>
    private int _sending;

    /// <summary>Set by a stop; completed when the last message in <see cref="_sending"/> is done.</summary>
    private TaskCompletionSource? _drained;

    /// <summary>
    /// Starts every bind and returns when one is bound, or when each has made its first attempt (the SMSC may be
    /// down: binds keep retrying with back-off in the background and sends wait briefly for one).
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
            _health = GatewayHealth.Down($"The SMPP gateway {Name} is connecting to the SMSC.", _time.GetUtcNow());
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
        var anyBound = WaitForLiveBindAsync(startWait.Token);
        await Task.WhenAny(anyBound, Task.WhenAll(firstAttempts)).WaitAsync(cancellationToken).ConfigureAwait(false);
        await startWait.CancelAsync().ConfigureAwait(false); // do not leave the waiter behind when no bind came up
        if (LiveBinds == 0)
        {
            _logger.LogWarning("SMPP gateway {Gateway}: no bind is up yet; retrying in the background.", Name);
        }
    }

    /// <summary>Unbinds every bind, letting outstanding submits be answered until the token fires.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        CancellationTokenSource? stopping;
        Task[] loops;
        SmppSession[] sessions;
        lock (_lifecycleLock)
        {
            stopping = _stopping;
            _stopping = null;
        }

        if (stopping is null)
        {
            return;
        }

        // New sends see "not started" from here on. Messages already under way finish on the binds they have: a stop
        // must not split a message, since after a restart nobody knows which of its parts left (guarantee 10).
        await DrainAsync(cancellationToken).ConfigureAwait(false);
        lock (_lifecycleLock)
        {
            loops = _bindLoops;
            sessions = _live;
            _bindLoops = [];
            _live = [];
        }

        // Sends see "not started" from here on; bind loops hand any bind that completes now back to us via ReleaseAsync.
        SignalLiveChanged();
        SetHealth(GatewayHealth.Down($"The SMPP gateway {Name} is stopped.", _time.GetUtcNow()));
        await stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(sessions.Select(s => UnbindQuietlyAsync(s, cancellationToken))).ConfigureAwait(false);
        await Task.WhenAll(loops).ConfigureAwait(false);
        stopping.Dispose();
        _logger.LogInformation("SMPP gateway {Gateway}: stopped.", Name);
    }

    /// <summary>Waits until no message is being sent, for at most twice the response timeout (or the caller's token).</summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _drained, drained);
        var sending = Volatile.Read(ref _sending);
        if (sending == 0)
        {
            return;
        }

        try
        {
            await drained.Task.WaitAsync(_options.ResponseTimeout * 2, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            _logger.LogWarning("SMPP gateway {Gateway}: stopping with {Count} message(s) still being sent.", Name, Volatile.Read(ref _sending));
        }
    }

    private async Task UnbindQuietlyAsync(SmppSession session, CancellationToken cancellationToken)
    {
        try
        {
            await session.UnbindAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            _logger.LogDebug(ex, "SMPP {Bind}: unbind failed.", session.Name);
        }
        finally
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Connect, bind, serve until the connection drops, wait a jittered back-off, repeat until stopped.</summary>
    private async Task RunBindAsync(int slot, TaskCompletionSource firstAttempt, CancellationToken stopping)
    {
        await Task.Yield();
        var failures = 0;
        var bindName = $"{Name}#{slot}";
        while (!stopping.IsCancellationRequested)
        {
            SmppSession? session = null;
            var handedOver = false;
            try
            {
                var socket = await ConnectAsync(stopping).ConfigureAwait(false);
                session = new SmppSession(socket, bindName, _options, _time, _loggerFactory.CreateLogger<SmppSession>(), _receiptReader, PublishReceipt, PublishInbound);
                await session.BindAsync(stopping).ConfigureAwait(false);
                failures = 0;
                AddLive(session);
                handedOver = true;
                firstAttempt.TrySetResult();
                _logger.LogInformation("SMPP {Bind}: bound to {Host}:{Port} as {Mode}.", bindName, _options.Host, _options.Port, _options.BindMode);
                await session.Closed.WaitAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                _logger.LogWarning("SMPP {Bind}: connect or bind failed: {Reason}", bindName, ex.Message);
                MarkDownIfNoBind(DescribeFailure(ex));
            }
            finally
            {
                if (session is not null)
                {
                    await ReleaseAsync(session, handedOver, stopping.IsCancellationRequested).ConfigureAwait(false);
                }
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

    /// <summary>
    /// Once stopping, StopAsync owns the sessions it found live and unbinds them; a bind that came up while it was
    /// taking them is unbound here, so none is left open.
    /// </summary>
    private async Task ReleaseAsync(SmppSession session, bool wasLive, bool stopping)
    {
        if (!wasLive || !stopping)
        {
            RemoveLive(session);
            await session.DisposeAsync().ConfigureAwait(false);
        }
        else if (RemoveLive(session))
        {
            await UnbindQuietlyAsync(session, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<Socket> ConnectAsync(CancellationToken stopping)
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

    /// <summary>Exponential from ReconnectMin to ReconnectMax, then "equal jitter": half fixed, half random.</summary>
    private TimeSpan Backoff(int failures)
    {
        var ceiling = _options.ReconnectMin.Ticks * Math.Pow(2, Math.Min(failures, 30));
        var delay = Math.Min(ceiling, _options.ReconnectMax.Ticks);
        var jitter = RandomNumberGenerator.GetInt32(1_000) / 1_000.0;
        return TimeSpan.FromTicks((long)(delay / 2 + delay / 2 * jitter));
    }

    private void AddLive(SmppSession session)
    {
        lock (_lifecycleLock)
        {
            _live = [.. _live, session];
        }

        MarkUp();
        SignalLiveChanged();
    }

    /// <summary>Takes the session out of the live set; false if it was not in it.</summary>
    private bool RemoveLive(SmppSession session)
    {
        lock (_lifecycleLock)
        {
            if (!_live.Contains(session))
            {
                return false;
            }

            _live = [.. _live.Where(s => s != session)];
        }

        MarkDownIfNoBind($"The connection of {session.Name} to the SMSC was lost; reconnecting.");
        SignalLiveChanged();
        return true;
    }

    private void SignalLiveChanged() => Interlocked.Exchange(ref _liveChanged, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Returns a bound session, preferring one with room in its window; null when none is up (no waiting).</summary>
    private SmppSession? PickLiveSession()
    {
        var live = Volatile.Read(ref _live);
        if (live.Length == 0)
        {
            return null;
        }

        var start = (int)((uint)Interlocked.Increment(ref _roundRobin) % (uint)live.Length);
        SmppSession? bound = null;
        for (var i = 0; i < live.Length; i++)
        {
            var candidate = live[(start + i) % live.Length];
            if (candidate.IsBound && candidate.FreeWindow > 0)
            {
                return candidate;
            }

            bound ??= candidate.IsBound ? candidate : null;
        }

        return bound;
    }

    /// <summary>Completes when a bind is live; cancelled by the token (callers bound it, so no waiter is left behind).</summary>
    private async Task WaitForLiveBindAsync(CancellationToken cancellationToken)
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
