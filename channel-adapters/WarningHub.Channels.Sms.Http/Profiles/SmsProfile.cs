using RestSharp;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Http.Gateway;

namespace WarningHub.Channels.Sms.Http.Profiles;

/// <summary>One HTTP SMS API: how a batch becomes a request, and what the gateway's answer means for each message in it.</summary>
internal abstract class SmsProfile
{
    /// <summary>The request for <paramref name="batch"/> (one message unless the profile batches).</summary>
    public abstract RestRequest Build(IReadOnlyList<PendingSend> batch);

    /// <summary>One result per message of <paramref name="batch"/>, in order, from an answer with a status and a body.</summary>
    public abstract DeliveryResult[] Read(IReadOnlyList<PendingSend> batch, Exchange answer);

    /// <summary>The request that pulls one page of up to <paramref name="pageSize"/> receipts; null when this profile's receipts are not pulled.</summary>
    public virtual RestRequest? BuildPoll(int pageSize) => null;

    /// <summary>The receipts in the answer to <see cref="BuildPoll"/>.</summary>
    public virtual PolledReceipts ReadPoll(Exchange answer) => PolledReceipts.Failed("this profile pulls no receipts");

    /// <summary>An HTTP status that is no success, the same way in every profile.</summary>
    protected static DeliveryResult Refusal(Exchange answer, string? code, string? message)
    {
        var status = answer.Status;
        var errorCode = "HTTP:" + status.ToString(System.Globalization.CultureInfo.InvariantCulture) + (code is null ? string.Empty : ":" + code);
        var reason = $"The gateway answered HTTP {status}" + (message is null ? "." : ": " + Shorten(message));
        return status switch
        {
            // Refused as a whole before any message was taken: nothing went out, another gateway or a later try may do.
            401 or 403 => DeliveryResult.Temporary(errorCode, reason + " Check the gateway's credentials."),
            408 or 425 or 429 or 503 => DeliveryResult.Temporary(errorCode, reason, answer.RetryAfter),

            // A server error or a proxy's may come after the message was taken: a resend may duplicate.
            >= 500 => DeliveryResult.Unknown(reason) with { ErrorCode = errorCode },
            _ => DeliveryResult.Permanent(errorCode, reason),
        };
    }

    protected static string Shorten(string text) => text.Length <= 200 ? text.Trim() : text[..200].Trim() + "…";
}
