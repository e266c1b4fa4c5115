using WarningHub.Channels.Sms.Common.Transport;
using WarningHub.Channels.Sms.Smgp.Protocol;

namespace WarningHub.Channels.Sms.Smgp.Transport;

/// <summary>What an SMGP connection calls as PDUs arrive. Runs on the reader loop: handle quickly, never block.</summary>
internal interface ISmgpHandler : IFrameHandler
{
    /// <summary>One complete PDU; <paramref name="body"/> is valid only during the call.</summary>
    void OnPdu(in SmgpHeader header, ReadOnlySpan<byte> body);

    void IFrameHandler.OnFrame(ReadOnlySpan<byte> frame)
    {
        var header = SmgpHeader.Read(frame);
        OnPdu(header, frame.Slice(SmgpHeader.Size, header.BodyLength));
    }
}
