namespace WarningHub.Channels.Sms.Smgp.Session;

/// <summary>CONNECT failed; the message is worded for an operator. <see cref="Refused"/> when the SMGW said no.</summary>
internal sealed class SmgpLoginException(string message, bool refused) : Exception(message)
{
    public bool Refused { get; } = refused;
}
