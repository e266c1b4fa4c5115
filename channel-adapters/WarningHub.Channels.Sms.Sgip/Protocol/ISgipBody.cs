using WarningHub.Channels.Sms.Common.Protocol;

namespace WarningHub.Channels.Sms.Sgip.Protocol;

/// <summary>A PDU body that knows its command, size and field order.</summary>
internal interface ISgipBody
{
    SgipCommand Command { get; }

    int BodyLength { get; }

    void Write(ref FieldWriter writer);
}

/// <summary>Turns a body into a whole PDU (header included).</summary>
internal static class SgipFrame
{
    public static byte[] Build(ISgipBody body, SgipSequence sequence)
    {
        var length = SgipHeader.Size + body.BodyLength;
        var frame = new byte[length];
        new SgipHeader((uint)length, body.Command, sequence).Write(frame);
        var writer = new FieldWriter(frame.AsSpan(SgipHeader.Size));
        body.Write(ref writer);
        if (writer.Position != body.BodyLength)
        {
            throw new InvalidOperationException($"{body.Command} wrote {writer.Position} octets, declared {body.BodyLength}.");
        }

        return frame;
    }

    /// <summary>A header-only PDU: Unbind and Unbind_Resp.</summary>
    public static byte[] HeaderOnly(SgipCommand command, SgipSequence sequence)
    {
        var frame = new byte[SgipHeader.Size];
        new SgipHeader(SgipHeader.Size, command, sequence).Write(frame);
        return frame;
    }
}
