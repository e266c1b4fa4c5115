using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Hosting;

namespace WarningHub.Engine.Release;

/// <summary>
/// Owns every release (guarantee 1: nothing accepted is lost). Intake notifies it, so a warning that is due leaves at
/// once; and it sweeps the store every <see cref="EngineOptions.ReleaseSweepInterval"/> for warnings still Accepted
/// or Releasing, so a release that was interrupted, or that threw, is finished without waiting for a restart.
/// A release that keeps failing ends, after <see cref="EngineOptions.MaxReleaseAttempts"/> tries, in the visible
/// <see cref="WarningState.Failed"/> state with the reason: status shows it, the log has it as an error and
/// /health reports the hub degraded. The shape is MassTransit's bus outbox: notified for latency, swept for safety.
/// </summary>
public sealed partial class ReleaseOutbox(
    IWarningStore warnings,
    WarningDispatcher dispatcher,
    WarningReleaser releaser,
    IOptions<EngineOptions> options,
    TimeProvider time,
    ILogger<ReleaseOutbox> logger) : BackgroundService
{
    private readonly Channel<long> _notified = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<long, byte> _running = new();
    private readonly ConcurrentDictionary<long, Failures> _failures = new();
    private readonly ConcurrentDictionary<long, byte> _scheduled = new();
    private readonly BackgroundWork _work = new();

    /// <summary>Tries so far and when the sweep may try again.</summary>
    private sealed record Failures(int Count, DateTimeOffset NotBefore);

    /// <summary>Completed sweeps since start; tests wait on it instead of on the clock.</summary>
    public long Sweeps => Interlocked.Read(ref _sweeps);

    private long _sweeps;

    /// <summary>A warning was accepted (or its effective time came): release it now if it is due.</summary>
    public void Notify(long warningId) => _notified.Writer.TryWrite(warningId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweeping = SweepLoopAsync(stoppingToken);
        try
        {
            await foreach (var id in _notified.Reader.ReadAllAsync(stoppingToken)) _work.Start(stop => ProcessAsync(id, force: true, stop));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: what is not released yet stays Accepted or Releasing, and the next start's sweep takes it.
        }
        await sweeping;
    }

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReleaseSweepInterval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The release sweep failed; it runs again in {Interval}", options.Value.ReleaseSweepInterval);
            }
            Interlocked.Increment(ref _sweeps);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>One pass over every warning whose release has not finished.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var warning in await warnings.ListUnreleasedAsync(cancellationToken))
        {
            if (_running.ContainsKey(warning.Id)) continue;
            if (_failures.TryGetValue(warning.Id, out var failures) && failures.NotBefore > now) continue;
            // A warning effective later is Quartz's to release; it is dispatched once per process to set its trigger.
            if (warning.State == WarningState.Accepted && warning.Effective > now && _scheduled.ContainsKey(warning.Id)) continue;
            await ProcessAsync(warning.Id, force: false, cancellationToken);
        }
    }

    private async Task ProcessAsync(long warningId, bool force, CancellationToken stopping)
    {
        if (!_running.TryAdd(warningId, 0)) return;
        try
        {
            if (force) _failures.TryRemove(warningId, out _);
            var warning = await warnings.GetByIdAsync(warningId, stopping);
            if (warning is null) return;
            switch (warning.State)
            {
                case WarningState.Accepted:
                    var next = await dispatcher.DispatchAsync(warning, stopping);
                    if (next == Dispatch.Scheduled) _scheduled.TryAdd(warningId, 0);
                    if (next == Dispatch.ReleaseNow) await releaser.ReleaseAsync(warningId, resume: false, stopping);
                    break;
                case WarningState.Releasing:
                    await releaser.ReleaseAsync(warningId, resume: true, stopping);
                    break;
            }
            _failures.TryRemove(warningId, out _);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: the warning stays Accepted or Releasing for the next start.
        }
        catch (Exception ex)
        {
            await FailedOnceAsync(warningId, ex, stopping);
        }
        finally
        {
            _running.TryRemove(warningId, out _);
        }
    }

    private async Task FailedOnceAsync(long warningId, Exception ex, CancellationToken stopping)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var count = _failures.TryGetValue(warningId, out var before) ? before.Count + 1 : 1;
        if (count < o.MaxReleaseAttempts)
        {
            var delay = TimeSpan.FromTicks(Math.Min(o.ReleaseSweepInterval.Ticks * (1L << Math.Min(count - 1, 10)), TimeSpan.FromMinutes(5).Ticks));
            _failures[warningId] = new Failures(count, now + delay);
            LogReleaseFailed(ex, warningId, count, o.MaxReleaseAttempts, delay);
            return;
        }
        _failures.TryRemove(warningId, out _);
        var reason = $"release failed {count} times: {ex.GetType().Name}: {ex.Message}";
        if (await warnings.FailAsync(warningId, reason, now, stopping)) LogReleaseGaveUp(ex, warningId, count);
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Error, Message = "Release of warning {WarningId} failed (try {Count} of {Max}); the outbox tries again in {Delay}")]
    private partial void LogReleaseFailed(Exception ex, long warningId, int count, int max, TimeSpan delay);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "Release of warning {WarningId} failed {Count} times: the warning is marked Failed and /health reports the hub degraded")]
    private partial void LogReleaseGaveUp(Exception ex, long warningId, int count);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _notified.Writer.TryComplete();
        await _work.StopAsync(cancellationToken);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _work.Dispose();
        base.Dispose();
    }
}
