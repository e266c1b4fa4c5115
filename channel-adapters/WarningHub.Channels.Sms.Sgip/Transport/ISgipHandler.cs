using WarningHub.Channels.Sms.Common.Transport;
using WarningHub.Channels.Sms.Sgip.Protocol;

namespace WarningHub.Channels.Sms.Sgip.Transport;

/// <summary>What an SGIP connection calls as PDUs arrive. Runs on the reader loop: handle quickly, never block.</summary>
internal interface ISgipHandler : IFrameHandler
{
    /// <summary>One complete PDU; <paramref name="body"/> is valid only during the call.</summary>
    void OnPdu(in SgipHeader header, ReadOnlySpan<byte> body);

    void IFrameHandler.OnFrame(ReadOnlySpan<byte> frame)
    {
        var header = SgipHeader.Read(frame);
        OnPdu(header, frame.Slice(SgipHeader.Size, header.BodyLength));
    }
}
