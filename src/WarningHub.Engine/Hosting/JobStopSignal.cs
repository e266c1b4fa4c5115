namespace WarningHub.Engine.Hosting;

/// <summary>
/// Tells running shard jobs that the host is stopping, the moment it starts to. Hangfire cancels a job's token only
/// when it gives up waiting for it (its StopTimeout), so a job learned of a stop either too late to finish cleanly or
/// not before it was abandoned mid-window. With this a job stops claiming at once and finishes the sends it has written.
/// </summary>
public sealed class JobStopSignal : IDisposable
{
    private readonly CancellationTokenSource _stopping = new();

    public CancellationToken Token => _stopping.Token;

    public void Stop() => _stopping.Cancel();

    public void Dispose() => _stopping.Dispose();
}
