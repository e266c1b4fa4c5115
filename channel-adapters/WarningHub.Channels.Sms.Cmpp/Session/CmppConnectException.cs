namespace WarningHub.Channels.Sms.Cmpp.Session;

/// <summary>CONNECT failed; the message is worded for an operator. <see cref="Refused"/> when the ISMG said no.</summary>
internal sealed class CmppConnectException(string message, bool refused) : Exception(message)
{
    public bool Refused { get; } = refused;
}
