namespace WarningHub.Channels.Sms.Cmpp.Protocol;

/// <summary>A PDU body that knows its size and field order in each version.</summary>
internal interface ICmppBody
{
    CmppCommand Command { get; }

    int BodyLength(CmppVersion version);

    void Write(ref CmppWriter writer, CmppVersion version);
}

/// <summary>Turns a body into a whole PDU (header included).</summary>
internal static class CmppFrame
{
    public static byte[] Build(ICmppBody body, uint sequence, CmppVersion version)
    {
        var length = CmppHeader.Size + body.BodyLength(version);
        var frame = new byte[length];
        new CmppHeader((uint)length, body.Command, sequence).Write(frame);
        var writer = new CmppWriter(frame.AsSpan(CmppHeader.Size));
        body.Write(ref writer, version);
        if (writer.Position != length - CmppHeader.Size)
        {
            throw new InvalidOperationException($"{body.Command} wrote {writer.Position} octets, declared {length - CmppHeader.Size}.");
        }

        return frame;
    }

    /// <summary>A header-only PDU: ACTIVE_TEST, TERMINATE, TERMINATE_RESP.</summary>
    public static byte[] HeaderOnly(CmppCommand command, uint sequence)
    {
        var frame = new byte[CmppHeader.Size];
        new CmppHeader(CmppHeader.Size, command, sequence).Write(frame);
        return frame;
    }
}
