namespace WarningHub.Channels.Sms.Common.Transport;

/// <summary>
/// How a protocol frames its PDUs: every one of CMPP, SGIP, SMGP (and SMPP) starts with a 4-octet big-endian length of
/// the whole PDU, header included. A length below the header or above the largest PDU means the stream is out of step.
/// </summary>
/// <param name="Protocol">Name for logs, such as "CMPP".</param>
/// <param name="HeaderSize">Octets of the header: 12 for CMPP and SMGP, 20 for SGIP.</param>
/// <param name="MaxLength">The largest PDU the protocol can carry.</param>
internal readonly record struct FrameLayout(string Protocol, int HeaderSize, int MaxLength);
