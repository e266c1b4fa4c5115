using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Cmpp.Protocol;

/// <summary>A PDU that does not follow the field table: too short, a length that lies, a field out of range.</summary>
public sealed class CmppPduException : PduFormatException
{
    /// <summary>Creates the exception.</summary>
    public CmppPduException()
    {
    }

    /// <summary>Creates the exception with a reason.</summary>
    /// <param name="message">What is wrong, naming the field.</param>
    public CmppPduException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and its cause.</summary>
    /// <param name="message">What is wrong, naming the field.</param>
    /// <param name="innerException">The cause.</param>
    public CmppPduException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
