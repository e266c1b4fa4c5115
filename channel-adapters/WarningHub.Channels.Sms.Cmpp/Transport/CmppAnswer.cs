using WarningHub.Channels.Sms.Cmpp.Protocol;
using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Cmpp.Transport;

/// <summary>The answer to a request: a Result and Msg_Id, a CONNECT_RESP, or why there was none.</summary>
internal readonly record struct CmppAnswer(uint Result, ulong MsgId, ConnectResponsePdu? Connect = null, ResponseFailure Failure = ResponseFailure.None)
    : IRequestAnswer<CmppAnswer>
{
    public bool IsAnswered => Failure == ResponseFailure.None;

    public static CmppAnswer Failed(ResponseFailure failure) => new(0, 0, null, failure);
}

/// <summary>How CMPP frames its PDUs: a 12-octet header led by Total_Length.</summary>
internal static class CmppFraming
{
    public static readonly FrameLayout Layout = new("CMPP", CmppHeader.Size, CmppHeader.MaxTotalLength);
}
