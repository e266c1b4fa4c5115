namespace WarningHub.Channels.Sms.Smpp.Gateway;

/// <summary>
/// The hub's <c>TextMessage.BeforeWrite</c> for one message, awaited once: right before its first submit is written,
/// after that submit got its window place and its rate permit. Marking earlier (before the window wait) flagged every
/// message waiting for room as possibly sent when the process was killed, although none of its bytes had left.
/// </summary>
internal sealed class WriteMark(Func<CancellationToken, ValueTask>? beforeWrite)
{
    private Func<CancellationToken, ValueTask>? _pending = beforeWrite;

    /// <summary>Why the hub could not record the write; then nothing of the message may be written.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>True when the write may go ahead: recorded now, earlier, or nothing to record.</summary>
    public async ValueTask<bool> EnsureAsync(CancellationToken cancellationToken)
    {
        if (Failure is not null) return false;
        if (_pending is not { } record) return true;
        try
        {
            await record(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Failure = ex;
            return false;
        }

        _pending = null;
        return true;
    }
}
