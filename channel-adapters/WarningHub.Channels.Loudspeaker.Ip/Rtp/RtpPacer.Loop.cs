namespace WarningHub.Channels.Loudspeaker.Ip.Rtp;

/// <summary>
/// The loop that drives <see cref="RtpPacer.Step"/>. On the system clock it is a dedicated thread (at raised
/// priority where allowed) that blocks until about 2 ms before the next deadline, then sleeps to the deadline on an
/// absolute high-resolution timer (<see cref="MonotonicSleep"/>; 1 ms steps elsewhere), sending packets up to
/// <see cref="EarlyTolerance"/> early: thread-pool timers would add the pool's queueing delay to every packet.
/// On any other <see cref="TimeProvider"/> (tests) it awaits the provider's timers instead, so fake time drives it.
/// </summary>
internal sealed partial class RtpPacer : IAsyncDisposable
{
    /// <summary>How early a packet may leave: well under a packet time, and below the 1 ms sleep granularity.</summary>
    public static readonly TimeSpan EarlyTolerance = TimeSpan.FromMilliseconds(0.5);

    private readonly bool _systemClock;
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 0);
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource _wakeup = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? _loop;

    public void Start()
    {
        if (_loop is not null)
        {
            return;
        }

        if (_systemClock)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var thread = new Thread(() =>
            {
                try
                {
                    RunOnThread();
                }
                finally
                {
                    done.TrySetResult();
                }
            })
            { IsBackground = true, Name = "rtp-pacer", Priority = ThreadPriority.AboveNormal };
            thread.Start();
            _loop = done.Task;
        }
        else
        {
            _loop = Task.Run(RunOnTimersAsync);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        Wake();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(false);
        }

        DrainOnStop();
        _wake.Dispose();
        _stop.Dispose();
    }

    private void Wake()
    {
        if (_systemClock)
        {
            _wake.Set();
        }
        else
        {
            Interlocked.Exchange(ref _wakeup, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        }
    }

    /// <summary>Whether the pacing thread runs at raised priority (see <see cref="PacerThreadPriority"/>).</summary>
    public bool RaisedPriority { get; private set; }

    private void RunOnThread()
    {
        RaisedPriority = PacerThreadPriority.TryRaiseCurrentThread();
        var early = _time.TimestampFrequency * EarlyTolerance.Ticks / TimeSpan.TicksPerSecond;
        while (!_stop.IsCancellationRequested)
        {
            var now = _time.GetTimestamp();
            var next = Step(now + early);
            if (next is null)
            {
                _wake.Wait(TimeSpan.FromSeconds(1));
                _wake.Reset();
                continue;
            }

            var remaining = _time.GetElapsedTime(now, next.Value);
            if (remaining >= TimeSpan.FromMilliseconds(3))
            {
                // Block until about 2 ms before the deadline; a new stream wakes the loop at once.
                _wake.Wait((int)remaining.TotalMilliseconds - 2);
                _wake.Reset();
            }
            else if (next.Value - now > early)
            {
                // The last stretch: an absolute high-resolution sleep where the platform has one.
                if (MonotonicSleep.IsSupported)
                {
                    MonotonicSleep.Until(next.Value - early);
                }
                else
                {
                    Thread.Sleep(1);
                }
            }
        }
    }

    private async Task RunOnTimersAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var wakeup = Volatile.Read(ref _wakeup);
            var now = _time.GetTimestamp();
            var next = Step(now);
            using var cancelDelay = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var delay = next is null ? Timeout.InfiniteTimeSpan : _time.GetElapsedTime(now, next.Value);
            var timer = Task.Delay(delay, _time, cancelDelay.Token);

            // A timer counts from the provider's time when it is created: if time moved since "now" was read, the
            // timer would be late by that much, so go round again and measure afresh instead of waiting on it.
            if (_time.GetTimestamp() == now)
            {
                await Task.WhenAny(wakeup.Task, timer).ConfigureAwait(false);
            }

            await cancelDelay.CancelAsync().ConfigureAwait(false);
        }
    }
}
