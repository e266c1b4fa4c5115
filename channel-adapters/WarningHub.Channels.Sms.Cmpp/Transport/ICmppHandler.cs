using WarningHub.Channels.Sms.Cmpp.Protocol;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Cmpp.Transport;

/// <summary>What a CMPP connection calls as PDUs arrive. Runs on the reader loop: handle quickly, never block.</summary>
internal interface ICmppHandler : IFrameHandler
{
    /// <summary>One complete PDU; <paramref name="body"/> is valid only during the call.</summary>
    void OnPdu(in CmppHeader header, ReadOnlySpan<byte> body);

    void IFrameHandler.OnFrame(ReadOnlySpan<byte> frame)
    {
        var header = CmppHeader.Read(frame);
        OnPdu(header, frame.Slice(CmppHeader.Size, header.BodyLength));
    }
}
