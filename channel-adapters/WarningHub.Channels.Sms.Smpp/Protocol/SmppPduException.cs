namespace WarningHub.Channels.Sms.Smpp.Protocol;

/// <summary>A PDU that breaks the SMPP 3.4 encoding rules; <see cref="Status"/> is the status to answer it with.</summary>
public sealed class SmppPduException : Exception
{
    /// <summary>Creates the exception with ESME_RINVCMDLEN (0x00000002) as the status to answer with.</summary>
    public SmppPduException()
        : this("Malformed SMPP PDU.")
    {
    }

    /// <summary>Creates the exception with ESME_RINVCMDLEN (0x00000002) as the status to answer with.</summary>
    public SmppPduException(string message)
        : this(message, CommandStatus.InvalidCommandLength)
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    public SmppPduException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = CommandStatus.InvalidCommandLength;
    }

    internal SmppPduException(string message, uint status)
        : base(message)
    {
        Status = status;
    }

    /// <summary>The SMPP command_status that answers the PDU (for example ESME_RINVCMDLEN, 0x00000002).</summary>
    public uint Status { get; }
}
