using System.Globalization;
using Microsoft.Extensions.Logging;
using RestSharp;
using WarningHub.Channels.WeChat.Http;
using WarningHub.Channels.WeChat.Json;

namespace WarningHub.Channels.WeChat;

/// <summary>
/// The access_token from <c>POST /cgi-bin/stable_token</c> (获取稳定版接口调用凭据) in normal mode
/// (<c>force_refresh</c> false): within a token's life WeChat answers the same token, and in its last 5 minutes a new
/// one while the old stays valid. So every node of the hub, and any other system of the county that uses the same
/// account through stable_token, shares one token and no fetch retires another's. Forced refresh (which invalidates the
/// token for everyone, 20 times a day) is never used: it is WeChat's remedy for a leaked token, an operator's act.
/// </summary>
public sealed partial class WeChatOfficialAccount
{
    /// <summary>The lifetime WeChat documents, for an answer that leaves out expires_in.</summary>
    private static readonly TimeSpan DocumentedLifetime = TimeSpan.FromSeconds(7200);

    /// <summary>
    /// Asks WeChat for the account's token. Runs with no caller's token (the cache shares the fetch among callers); the
    /// HTTP request timeout bounds it. The secret travels in the JSON body, never in a URL, and is never logged.
    /// </summary>
    private async Task<AccessToken> FetchTokenAsync(CancellationToken cancellationToken)
    {
        var body = JsonText.Build(writer =>
        {
            writer.WriteStartObject();
            JsonText.WriteString(writer, "grant_type", "client_credential");
            JsonText.WriteString(writer, "appid", _options.AppId);
            JsonText.WriteString(writer, "secret", _options.AppSecret);
            writer.WriteBoolean("force_refresh", false);
            writer.WriteEndObject();
        });
        var request = new RestRequest("cgi-bin/stable_token", Method.Post).AddStringBody(body, ContentType.Json);
        var answer = await ApiExchange.ExecuteAsync(_client, request, cancellationToken).ConfigureAwait(false);
        if (answer.Kind != ApiAnswerKind.Answered)
        {
            throw new AccessTokenUnavailableException("http", $"token endpoint unreachable ({answer.Failure})");
        }

        if (!ApiReply.TryParse(answer.Body, out var reply))
        {
            throw new AccessTokenUnavailableException(
                "http-" + answer.HttpStatus.ToString(CultureInfo.InvariantCulture), $"token endpoint answered HTTP {answer.HttpStatus} without a WeChat reply");
        }

        if (reply.ErrCode != 0 || reply.Field("access_token") is not { Length: > 0 } value)
        {
            var code = reply.ErrCode != 0 ? reply.Code : "no-token";
            _logger.LogWarning("WeChat account {Account}: token endpoint refused: {Code} {Message}", Name, code, reply.ShortMessage);
            throw new AccessTokenUnavailableException(code, $"token endpoint refused: {code} {reply.ShortMessage}");
        }

        var lifetime = int.TryParse(reply.Field("expires_in"), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : DocumentedLifetime;

        // Replace the token a margin before WeChat retires it; a lifetime shorter than the margin is used for half its length.
        var useFor = lifetime > _options.TokenRefreshMargin ? lifetime - _options.TokenRefreshMargin : lifetime / 2;
        _logger.LogInformation("WeChat account {Account}: new access_token, valid {Lifetime}, used for {UseFor}.", Name, lifetime, useFor);
        return new AccessToken(value, _time.GetUtcNow() + useFor);
    }
}
