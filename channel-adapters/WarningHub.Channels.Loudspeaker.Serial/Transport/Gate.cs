namespace WarningHub.Channels.Loudspeaker.Serial.Transport;

/// <summary>Entering a port's gate within a time measured by the injected clock.</summary>
internal static class Gate
{
    /// <returns>True when entered (the caller must release it); false when <paramref name="wait"/> passed first.</returns>
    /// <exception cref="OperationCanceledException">The caller's token fired.</exception>
    public static async ValueTask<bool> TryEnterAsync(SemaphoreSlim gate, TimeSpan wait, TimeProvider time, CancellationToken cancellationToken)
    {
        if (gate.Wait(0, CancellationToken.None))
        {
            return true;
        }

        if (wait <= TimeSpan.Zero)
        {
            return false;
        }

        using var timer = new CancellationTokenSource(wait, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        try
        {
            await gate.WaitAsync(linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
