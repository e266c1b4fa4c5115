namespace WarningHub.Channels.Sms.Common.Transport;

/// <summary>
/// A PDU that does not follow its protocol's field table: too short, a length that lies, a field out of range. Thrown
/// from a handler while framing, it closes the connection: there is no way to find the next PDU.
/// </summary>
public class PduFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PduFormatException()
    {
    }

    /// <summary>Creates the exception with a reason.</summary>
    /// <param name="message">What is wrong, naming the field.</param>
    public PduFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a reason and its cause.</summary>
    /// <param name="message">What is wrong, naming the field.</param>
    /// <param name="innerException">The cause.</param>
    public PduFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
