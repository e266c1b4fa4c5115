namespace WarningHub.Channels.Sms.Sgip.Session;

/// <summary>Bind failed; the message is worded for an operator. <see cref="Refused"/> when the SMG said no.</summary>
internal sealed class SgipBindException(string message, bool refused) : Exception(message)
{
    public bool Refused { get; } = refused;
}
