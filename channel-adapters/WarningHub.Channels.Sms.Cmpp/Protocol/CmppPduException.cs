namespace WarningHub.Channels.Sms.Cmpp.Protocol;

/// <summary>A PDU that does not follow the field table: too short, a length that lies, a field out of range.</summary>
public sealed class CmppPduException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CmppPduException()
    {
    }

    /// <summary>Creates the exception with a reason.</summary>
    public CmppPduException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and its cause.</summary>
    public CmppPduException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
