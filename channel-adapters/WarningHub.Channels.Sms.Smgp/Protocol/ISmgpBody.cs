using WarningHub.Channels.Sms.Common.Protocol;

namespace WarningHub.Channels.Sms.Smgp.Protocol;

/// <summary>A PDU body that knows its command, size and field order.</summary>
internal interface ISmgpBody
{
    SmgpCommand Command { get; }

    int BodyLength { get; }

    void Write(ref FieldWriter writer);
}

/// <summary>Turns a body into a whole PDU (header included).</summary>
internal static class SmgpFrame
{
    public static byte[] Build(ISmgpBody body, uint sequence)
    {
        var length = SmgpHeader.Size + body.BodyLength;
        var frame = new byte[length];
        new SmgpHeader((uint)length, body.Command, sequence).Write(frame);
        var writer = new FieldWriter(frame.AsSpan(SmgpHeader.Size));
        body.Write(ref writer);
        if (writer.Position != body.BodyLength)
        {
            throw new InvalidOperationException($"{body.Command} wrote {writer.Position} octets, declared {body.BodyLength}.");
        }

        return frame;
    }

    /// <summary>A header-only PDU: Active_Test, Exit and their responses.</summary>
    public static byte[] HeaderOnly(SmgpCommand command, uint sequence)
    {
        var frame = new byte[SmgpHeader.Size];
        new SmgpHeader(SmgpHeader.Size, command, sequence).Write(frame);
        return frame;
    }
}
