using System.Globalization;
using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Json;
using WarningHub.Channels.WeChat.Results;

namespace WarningHub.Channels.WeChat.Http;

/// <summary>
/// Turns one HTTP exchange of a send into a <see cref="DeliveryResult"/>: first by whether an answer came at all, then
/// by WeChat's errcode through an error table. The README's result table describes the same rules.
/// </summary>
internal static class SendAnswers
{
    /// <param name="answer">The exchange.</param>
    /// <param name="classify">The API's error table.</param>
    /// <param name="idField">The answer's field holding the provider's message id (null: the API gives none).</param>
    /// <param name="quotaResetWait">How long until a spent daily quota resets (for <see cref="ErrorClass.QuotaExhausted"/>).</param>
    public static (ErrorClass Class, DeliveryResult Result) Interpret(
        ApiAnswer answer, Func<int, ErrorEntry> classify, string? idField, Func<TimeSpan> quotaResetWait)
    {
        switch (answer.Kind)
        {
            case ApiAnswerKind.NotSent:
                return (ErrorClass.Temporary, DeliveryResult.Temporary("http", $"The request did not leave ({answer.Failure}); nothing was sent."));
            case ApiAnswerKind.Lost:
                return (ErrorClass.Temporary, DeliveryResult.Unknown($"No answer ({answer.Failure}); the message may have been sent."));
        }

        if (!ApiReply.TryParse(answer.Body, out var reply))
        {
            return (ErrorClass.Temporary, WithoutReply(answer.HttpStatus));
        }

        var entry = classify(reply.ErrCode);
        var reason = $"{reply.Code} {entry.Name}: {reply.ShortMessage}";
        return entry.Class switch
        {
            ErrorClass.Accepted => (ErrorClass.Accepted, DeliveryResult.Accepted(
                idField is not null && reply.Field(idField) is { Length: > 0 } id ? [id] : [])),
            ErrorClass.AlreadySent => (entry.Class, DeliveryResult.Accepted(
                (reply.Field("msgid") ?? reply.Field("msg_id")) is { Length: > 0 } first ? [first] : []) with { Reason = reason }),
            ErrorClass.QuotaExhausted => (entry.Class, DeliveryResult.Temporary(reply.Code, reason, quotaResetWait())),
            ErrorClass.Permanent => (entry.Class, DeliveryResult.Permanent(reply.Code, reason)),
            _ => (entry.Class, DeliveryResult.Temporary(reply.Code, reason)),
        };
    }

    /// <summary>
    /// An answer that is not a WeChat reply came from something in front of WeChat. A refusal (4xx, 503) means the
    /// request was not acted on; a 2xx or another 5xx (a gateway that timed out upstream) may hide a sent message.
    /// </summary>
    private static DeliveryResult WithoutReply(int status)
    {
        var code = "http-" + status.ToString(CultureInfo.InvariantCulture);
        return status is (>= 400 and < 500) or 503
            ? DeliveryResult.Temporary(code, $"HTTP {status} without a WeChat reply; nothing was sent.")
            : DeliveryResult.Unknown($"HTTP {status} without a WeChat reply; the message may have been sent.") with { ErrorCode = code };
    }
}
