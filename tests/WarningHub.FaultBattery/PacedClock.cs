using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace WarningHub.FaultBattery;

/// <summary>
/// The hub's clock for the outage: a <see cref="FakeTimeProvider"/> that a background thread moves forward with the
/// wall clock, <see cref="Speed"/> times as fast. At 1 the hub runs as usual; raised, ten minutes of the hub's time
/// (its retry delays, gateway waits, reconnect back-off, receipt windows, rate limiter) pass in seconds, while sockets
/// and the SMSC stay in real time.
/// </summary>
public sealed class PacedClock : IDisposable
{
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(5);
    private readonly Thread _thread;
    private volatile bool _stopped;
    private double _speed = 1;

    public PacedClock(DateTimeOffset start)
    {
        Time = new FakeTimeProvider(start);
        _thread = new Thread(Run) { IsBackground = true, Name = "paced clock" };
        _thread.Start();
    }

    public FakeTimeProvider Time { get; }

    public double Speed
    {
        get => Volatile.Read(ref _speed);
        set => Volatile.Write(ref _speed, value);
    }

    public void Dispose()
    {
        _stopped = true;
        _thread.Join(TimeSpan.FromSeconds(5));
    }

    private void Run()
    {
        var last = Stopwatch.GetTimestamp();
        while (!_stopped)
        {
            Thread.Sleep(Step);
            var now = Stopwatch.GetTimestamp();
            var real = Stopwatch.GetElapsedTime(last, now);
            last = now;
            Time.Advance(TimeSpan.FromTicks((long)(real.Ticks * Speed)));
        }
    }
}
