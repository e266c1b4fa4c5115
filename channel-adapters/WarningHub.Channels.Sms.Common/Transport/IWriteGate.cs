namespace WarningHub.Channels.Sms.Common.Transport;

/// <summary>Asked by the writer just before a queued frame goes out, so a request that ended while queued never leaves.</summary>
internal interface IWriteGate
{
    /// <summary>True to write the frame now; false when its request already ended and was reported as never sent.</summary>
    bool TryMarkWritten(long now);
}
