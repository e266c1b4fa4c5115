using Microsoft.Extensions.Logging;
using RestSharp;
using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Http;
using WarningHub.Channels.WeChat.OfficialAccount;
using WarningHub.Channels.WeChat.Results;

namespace WarningHub.Channels.WeChat;

/// <summary>Template sends: <c>POST /cgi-bin/message/template/send?access_token=ACCESS_TOKEN</c>.</summary>
public sealed partial class WeChatOfficialAccount
{
    private static readonly TimeSpan ThrottledRetryAfter = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan BeijingOffset = TimeSpan.FromHours(8);

    /// <summary>The openid of an address for this account; null when the address names another account.</summary>
    private string? FollowerOf(string address)
    {
        var colon = address.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0) return address;
        return address.AsSpan(0, colon).Equals(Name, StringComparison.Ordinal) ? address[(colon + 1)..] : null;
    }

    /// <summary>UTC ticks until which the daily quota is spent (errcode 45009); 0 when it is not.</summary>
    private long _quotaSpentUntil;

    /// <summary>
    /// Sends one template message to the follower in <see cref="TextMessage.Address"/>: an openid, or
    /// <c>&lt;account&gt;:&lt;openid&gt;</c> naming this account (a hub with several accounts keeps each follower's
    /// account in the address; one naming another account is refused, since its openid means nothing here). A refused token (40001, 40014,
    /// 42001) is asked for again once (stable_token, normal mode) and the send retried once with the new token. Never
    /// throws for WeChat's errors; throws <see cref="OperationCanceledException"/> when the token fires before the
    /// request left.
    /// </summary>
    public async ValueTask<DeliveryResult> SendAsync(TextMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        if (FollowerOf(message.Address) is not { } openId)
        {
            return DeliveryResult.Permanent("40003", $"The address names another account than {Name}; nothing was sent.");
        }

        if (!OpenId.IsPlausible(openId))
        {
            return DeliveryResult.Permanent("40003", "The address is not an openid; nothing was sent.");
        }

        if (!ReferenceEquals(openId, message.Address)) message = message with { Address = openId };

        if (QuotaWait() is { } wait)
        {
            return DeliveryResult.Temporary("45009", "The account's daily quota is spent until midnight, Beijing time; nothing was sent.", wait);
        }

        var body = _messages.Build(message);
        AccessToken token;
        try
        {
            token = await _tokens.GetAsync(_options.AppId, _fetchToken, cancellationToken).ConfigureAwait(false);
        }
        catch (AccessTokenUnavailableException ex)
        {
            return DeliveryResult.Temporary(ex.ErrorCode, "No access_token, nothing was sent: " + ex.Message);
        }

        var (errorClass, result) = await PostAsync(token, body, cancellationToken).ConfigureAwait(false);
        if (errorClass == ErrorClass.TokenRejected)
        {
            _logger.LogInformation("WeChat account {Account}: access_token refused ({Code}); asking stable_token again and retrying once.", Name, result.ErrorCode);
            var rejected = token.Value;
            try
            {
                token = await _tokens.RefreshAsync(_options.AppId, rejected, _fetchToken, cancellationToken).ConfigureAwait(false);
            }
            catch (AccessTokenUnavailableException ex)
            {
                return DeliveryResult.Temporary(ex.ErrorCode, "The access_token was refused and no new one came, nothing was sent: " + ex.Message);
            }

            if (string.Equals(token.Value, rejected, StringComparison.Ordinal))
            {
                // Sending again with the token WeChat just refused would only be refused again.
                return DeliveryResult.Temporary(result.ErrorCode, "WeChat refused the access_token and stable_token still answers it; nothing was sent.");
            }

            (errorClass, result) = await PostAsync(token, body, cancellationToken).ConfigureAwait(false);
            if (errorClass == ErrorClass.TokenRejected)
            {
                result = DeliveryResult.Temporary(result.ErrorCode, "A fresh access_token was refused too; nothing was sent.");
            }
        }

        if (errorClass == ErrorClass.AlreadySent)
        {
            _logger.LogInformation("WeChat account {Account}: an earlier attempt to {OpenId} already reached WeChat; this repeat was dropped by its client_msg_id.",
                Name, PersonalData.OpenId(message.Address));
        }
        else if (result.Outcome != SendOutcome.Accepted)
        {
            _logger.LogDebug("WeChat account {Account}: send to {OpenId} ended {Outcome} {Code}.", Name, PersonalData.OpenId(message.Address), result.Outcome, result.ErrorCode);
        }

        return result;
    }

    private async Task<(ErrorClass Class, DeliveryResult Result)> PostAsync(AccessToken token, string body, CancellationToken cancellationToken)
    {
        await _limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
        var request = new RestRequest("cgi-bin/message/template/send", Method.Post)
            .AddQueryParameter("access_token", token.Value)
            .AddStringBody(body, ContentType.Json);
        var answer = await ApiExchange.ExecuteAsync(_client, request, cancellationToken).ConfigureAwait(false);
        var (errorClass, result) = SendAnswers.Interpret(answer, OfficialAccountErrorTable.Classify, "msgid", QuotaResetWait);
        if (errorClass == ErrorClass.QuotaExhausted)
        {
            MarkQuotaSpent();
        }
        else if (errorClass == ErrorClass.Throttled)
        {
            result = result with { RetryAfter = ThrottledRetryAfter };
        }

        return (errorClass, result);
    }

    /// <summary>How long until the daily quota resets: WeChat's day ends at midnight, Beijing time.</summary>
    private TimeSpan QuotaResetWait()
    {
        var now = _time.GetUtcNow();
        var beijing = now.ToOffset(BeijingOffset);
        var midnight = new DateTimeOffset(beijing.Date.AddDays(1), BeijingOffset);
        return midnight - now;
    }

    private void MarkQuotaSpent()
    {
        var until = (_time.GetUtcNow() + QuotaResetWait()).UtcTicks;
        if (Interlocked.Exchange(ref _quotaSpentUntil, until) != until)
        {
            _logger.LogWarning("WeChat account {Account}: daily quota spent (45009); sends fail temporarily until {Until:O}.", Name,
                new DateTimeOffset(until, TimeSpan.Zero).ToOffset(BeijingOffset));
        }
    }

    private TimeSpan? QuotaWait()
    {
        var until = Interlocked.Read(ref _quotaSpentUntil);
        var now = _time.GetUtcNow().UtcTicks;
        return until > now ? TimeSpan.FromTicks(until - now) : null;
    }
}
