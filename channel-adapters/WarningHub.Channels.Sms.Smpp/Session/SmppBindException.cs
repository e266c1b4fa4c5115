namespace WarningHub.Channels.Sms.Smpp.Session;

/// <summary>The SMSC refused the bind, or did not answer it.</summary>
internal sealed class SmppBindException(string message, uint? status = null) : Exception(message)
{
    /// <summary>The bind response's command_status, when there was a response.</summary>
    public uint? Status { get; } = status;
}
