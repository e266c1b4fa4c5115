using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Common.Flow;

namespace WarningHub.Channels.Sms.Common.Transport;

/// <summary>One logged-in connection to an operator's gateway, as <see cref="CarrierLinks{TSession}"/> sees it.</summary>
internal interface ICarrierSession : IAsyncDisposable
{
    /// <summary>Logged in (CONNECT, Bind, Login answered) and not closing.</summary>
    bool IsReady { get; }

    /// <summary>Requests that may still be written before the window is full.</summary>
    int FreeWindow { get; }

    /// <summary>Completes when the link is closed, for whatever reason.</summary>
    Task Closed { get; }

    /// <summary>The link was closed on purpose for being idle (SGIP): log in again at once, without a back-off.</summary>
    bool ClosedForIdle => false;
}

/// <summary>Where a gateway's connections go and how patiently they are made again.</summary>
/// <param name="Protocol">"CMPP", "SGIP" or "SMGP", for logs and problems.</param>
/// <param name="Gateway">The gateway's name.</param>
/// <param name="Host">The operator's gateway host.</param>
/// <param name="Port">Its port.</param>
/// <param name="Binds">How many connections to keep.</param>
/// <param name="ConnectTimeout">Bound of a TCP connect, and of the goodbye of a link that came up while stopping.</param>
/// <param name="ReconnectMin">First back-off after a failure.</param>
/// <param name="ReconnectMax">Longest back-off.</param>
internal sealed record CarrierLinkSettings(
    string Protocol, string Gateway, string Host, int Port, int Binds, TimeSpan ConnectTimeout, TimeSpan ReconnectMin, TimeSpan ReconnectMax);

/// <summary>What differs between the operators' protocols in keeping connections: the session, its login and its goodbye.</summary>
/// <typeparam name="TSession">The protocol's session.</typeparam>
internal interface ICarrierLogin<TSession>
    where TSession : class, ICarrierSession
{
    /// <summary>A session over a connected socket, named <paramref name="bindName"/> in logs.</summary>
    TSession Create(Socket socket, string bindName);

    /// <summary>CONNECT / Bind / Login; throws the protocol's refusal (see <see cref="RefusalOf"/>) or a transport error.</summary>
    Task LoginAsync(TSession session, CancellationToken cancellationToken);

    /// <summary>TERMINATE / Unbind / Exit, waiting for the answers still due until the token fires.</summary>
    Task GoodbyeAsync(TSession session, CancellationToken cancellationToken);

    /// <summary>The problem to report when <paramref name="exception"/> is the gateway refusing the login; null otherwise.</summary>
    string? RefusalOf(Exception exception);

    /// <summary>How a log line says a link is up, e.g. "connected to 10.0.0.1:7890 as CMPP 3.0".</summary>
    string UpDescription { get; }
}

/// <summary>
/// The connections of one CMPP, SGIP or SMGP gateway: <see cref="CarrierLinkSettings.Binds"/> loops that each
/// connect, log in, serve until the link drops and try again after a jittered back-off; the set of live sessions
/// sends pick from; the gateway's <see cref="GatewayHealth"/> (down with the reason while no link is up). The three
/// adapters kept a copy of this each, alike but for the words of their login and goodbye.
/// </summary>
/// <typeparam name="TSession">The protocol's session.</typeparam>
internal sealed class CarrierLinks<TSession>
    where TSession : class, ICarrierSession
{
    private readonly CarrierLinkSettings _settings;
    private readonly ICarrierLogin<TSession> _login;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lifecycleLock = new();
    private TSession[] _live = [];
    private TaskCompletionSource _liveChanged = NewSignal();
    private CancellationTokenSource? _stopping;
    private Task[] _bindLoops = [];
    private int _roundRobin;
    private GatewayHealth _health;

    public CarrierLinks(CarrierLinkSettings settings, ICarrierLogin<TSession> login, TimeProvider time, ILogger logger)
    {
        _settings = settings;
        _login = login;
        _time = time;
        _logger = logger;
        _health = GatewayHealth.Down($"{settings.Protocol} gateway {settings.Gateway} is not started.", time.GetUtcNow());
    }

    /// <summary>Up while a link is logged in; down with the last reason otherwise.</summary>
    public GatewayHealth Health => Volatile.Read(ref _health);

    /// <summary>Links logged in now.</summary>
    public int Live => Volatile.Read(ref _live).Length;

    /// <summary>Started and not stopped.</summary>
    public bool Started => Volatile.Read(ref _stopping) is not null;

    /// <summary>
    /// Starts every link and returns when one is up, or when each has made its first attempt (the gateway may be down:
    /// links keep trying with back-off, and <see cref="Health"/> says why it is down).
    /// </summary>
    /// <param name="starting">Run once, under the start, with the token that stops the links (SGIP opens its listener here).</param>
    /// <param name="cancellationToken">Stops waiting for the first attempts; the links go on.</param>
    public async Task StartAsync(Action<CancellationToken>? starting, CancellationToken cancellationToken)
    {
        Task[] firstAttempts;
        lock (_lifecycleLock)
        {
            if (_stopping is not null)
            {
                return;
            }

            var stopping = new CancellationTokenSource();
            try
            {
                starting?.Invoke(stopping.Token);
            }
            catch
            {
                stopping.Dispose();
                throw;
            }

            _stopping = stopping;
            var attempts = new TaskCompletionSource[_settings.Binds];
            _bindLoops = new Task[_settings.Binds];
            for (var slot = 0; slot < _settings.Binds; slot++)
            {
                attempts[slot] = NewSignal();
                _bindLoops[slot] = RunBindAsync(slot, attempts[slot], stopping.Token);
            }

            firstAttempts = [.. attempts.Select(a => a.Task)];
        }

        using var startWait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var anyLive = WaitForLiveAsync(startWait.Token);
        await Task.WhenAny(anyLive, Task.WhenAll(firstAttempts)).WaitAsync(cancellationToken).ConfigureAwait(false);
        await startWait.CancelAsync().ConfigureAwait(false);
        if (Live == 0)
        {
            _logger.LogWarning("{Protocol} gateway {Gateway}: no connection is up yet ({Problem}); retrying in the background.",
                _settings.Protocol, _settings.Gateway, Health.Problem);
        }
    }

    /// <summary>Says goodbye on every live link, letting outstanding requests be answered until the token fires, and ends the loops.</summary>
    /// <returns>False when the links were not started.</returns>
    public async Task<bool> StopAsync(CancellationToken cancellationToken)
    {
        CancellationTokenSource? stopping;
        Task[] loops;
        TSession[] sessions;
        lock (_lifecycleLock)
        {
            (stopping, loops, sessions) = (_stopping, _bindLoops, _live);
            (_stopping, _bindLoops, _live) = (null, [], []);
        }

        if (stopping is null)
        {
            return false;
        }

        SignalLiveChanged();
        await stopping.CancelAsync().ConfigureAwait(false);
        await Task.WhenAll(sessions.Select(s => GoodbyeQuietlyAsync(s, cancellationToken))).ConfigureAwait(false);
        await Task.WhenAll(loops).ConfigureAwait(false);
        stopping.Dispose();
        SetHealth(GatewayHealth.Down($"{_settings.Protocol} gateway {_settings.Gateway} is stopped.", _time.GetUtcNow()));
        return true;
    }

    /// <summary>A live session, preferring one with room in its window; null when none is up now.</summary>
    public TSession? Pick()
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
            if (candidate.IsReady && candidate.FreeWindow > 0)
            {
                return candidate;
            }
        }

        return live[start];
    }

    /// <summary>Returns once a link is up.</summary>
    public async Task WaitForLiveAsync(CancellationToken cancellationToken)
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

    private async Task GoodbyeQuietlyAsync(TSession session, CancellationToken cancellationToken)
    {
        try
        {
            await _login.GoodbyeAsync(session, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Connect, log in, serve until the link drops, wait a jittered back-off (none after an idle renewal), repeat until stopped.</summary>
    private async Task RunBindAsync(int slot, TaskCompletionSource firstAttempt, CancellationToken stopping)
    {
        await Task.Yield();
        var failures = 0;
        var bindName = $"{_settings.Gateway}#{slot}";
        var (protocol, gateway, host, port) = (_settings.Protocol, _settings.Gateway, _settings.Host, _settings.Port);
        while (!stopping.IsCancellationRequested)
        {
            TSession? session = null;
            var handedOver = false;
            var renewed = false;
            string? problem = null;
            try
            {
                var socket = await ConnectSocketAsync(stopping).ConfigureAwait(false);
                session = _login.Create(socket, bindName);
                await _login.LoginAsync(session, stopping).ConfigureAwait(false);
                failures = 0;
                AddLive(session);
                handedOver = true;
                firstAttempt.TrySetResult();
                _logger.LogInformation("{Protocol} {Bind}: {Up}.", protocol, bindName, _login.UpDescription);
                await session.Closed.WaitAsync(stopping).ConfigureAwait(false);
                renewed = session.ClosedForIdle;
                problem = renewed ? null : $"The connection of {protocol} gateway {gateway} to {host}:{port} was lost; reconnecting.";
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (_login.RefusalOf(ex) is { } refused)
            {
                _logger.LogWarning("{Protocol} {Bind}: {Problem}", protocol, bindName, refused);
                problem = refused;
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException or IOException)
            {
                problem = $"{protocol} gateway {gateway} cannot reach {host}:{port} ({ex.Message}): check Host and Port, and the network.";
                _logger.LogWarning("{Protocol} {Bind}: {Problem}", protocol, bindName, problem);
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
            if (renewed)
            {
                continue; // an idle link closed on purpose: log in again at once, before a send needs it
            }

            try
            {
                await Task.Delay(ReconnectBackoff.Delay(failures++, _settings.ReconnectMin, _settings.ReconnectMax), _time, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        firstAttempt.TrySetResult();
    }

    /// <summary>Once stopping, StopAsync owns the sessions it found live; one that came up meanwhile says goodbye here.</summary>
    private async Task ReleaseAsync(TSession session, bool wasLive, bool stopping)
    {
        if (!wasLive || !stopping)
        {
            RemoveLive(session);
            await session.DisposeAsync().ConfigureAwait(false);
        }
        else if (RemoveLive(session))
        {
            using var timeout = new CancellationTokenSource(_settings.ConnectTimeout, _time);
            await GoodbyeQuietlyAsync(session, timeout.Token).ConfigureAwait(false);
        }
    }

    private async Task<Socket> ConnectSocketAsync(CancellationToken stopping)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using var timeout = new CancellationTokenSource(_settings.ConnectTimeout, _time);
            using var connect = CancellationTokenSource.CreateLinkedTokenSource(stopping, timeout.Token);
            await socket.ConnectAsync(_settings.Host, _settings.Port, connect.Token).ConfigureAwait(false);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void NoteDown(string problem)
    {
        if (Live == 0 && Health.Problem != problem)
        {
            SetHealth(GatewayHealth.Down(problem, _time.GetUtcNow()));
        }
    }

    private void SetHealth(GatewayHealth health) => Volatile.Write(ref _health, health);

    private void AddLive(TSession session)
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

    private bool RemoveLive(TSession session)
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
}
