using WarningHub.Channels.Sms.Common.Transport;
using WarningHub.Channels.Sms.Smgp.Protocol;

namespace WarningHub.Channels.Sms.Smgp.Transport;

/// <summary>The answer to a request: a Status and MsgID, a Login_Resp, or why there was none.</summary>
internal readonly record struct SmgpAnswer(uint Status, SmgpMsgId MsgId, LoginResponsePdu? Login = null, ResponseFailure Failure = ResponseFailure.None)
    : IRequestAnswer<SmgpAnswer>
{
    public bool IsAnswered => Failure == ResponseFailure.None;

    public static SmgpAnswer Failed(ResponseFailure failure) => new(0, default, null, failure);
}
