using WarningHub.Channels.Sms.Common.Transport;

namespace WarningHub.Channels.Sms.Sgip.Transport;

/// <summary>The answer to a request: its Result, or why there was none.</summary>
internal readonly record struct SgipAnswer(byte Result, ResponseFailure Failure = ResponseFailure.None) : IRequestAnswer<SgipAnswer>
{
    public bool IsAnswered => Failure == ResponseFailure.None;

    public static SgipAnswer Failed(ResponseFailure failure) => new(0, failure);
}
