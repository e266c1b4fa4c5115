using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace WarningHub.Simulators.WeChat;

/// <summary><c>GET /cgi-bin/token?grant_type=client_credential&amp;appid=APPID&amp;secret=APPSECRET</c> and token checks.</summary>
public sealed partial class WeChatSimulator
{
    private readonly Dictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly Lock _tokenLock = new();
    private long _tokenRequests;
    private long _tokenSerial;

    /// <summary>Requests to the token endpoint, refused ones included.</summary>
    public long TokenRequests => Interlocked.Read(ref _tokenRequests);

    /// <summary>Every issued token expires now: the next use of one is answered 42001.</summary>
    public void ExpireAllTokens()
    {
        lock (_tokenLock)
        {
            foreach (var token in _tokens.Keys.ToList())
            {
                _tokens[token] = Now;
            }
        }
    }

    /// <summary>Every issued token is forgotten: the next use of one is answered 40001, as after a reset of the AppSecret.</summary>
    public void ForgetAllTokens()
    {
        lock (_tokenLock)
        {
            _tokens.Clear();
        }
    }

    private async Task HandleTokenAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tokenRequests);
        var query = context.Request.Query;
        if (query["grant_type"] != "client_credential")
        {
            await ReplyAsync(context, 40002, "invalid grant_type").ConfigureAwait(false);
            return;
        }

        if (query["appid"] != Options.AppId)
        {
            await ReplyAsync(context, 40013, "invalid appid").ConfigureAwait(false);
            return;
        }

        if (query["secret"] != Options.AppSecret)
        {
            await ReplyAsync(context, 40001, "invalid credential, access_token is invalid or not latest").ConfigureAwait(false);
            return;
        }

        var serial = Interlocked.Increment(ref _tokenSerial);
        var value = string.Create(CultureInfo.InvariantCulture, $"{serial:D2}_{RandomNumberGenerator.GetHexString(48)}");
        lock (_tokenLock)
        {
            // A new token retires the older ones after the documented overlap.
            var retire = Now + Options.TokenOverlap;
            foreach (var (token, expires) in _tokens.ToList())
            {
                _tokens[token] = expires < retire ? expires : retire;
            }

            _tokens[value] = Now + Options.TokenLifetime;
        }

        // The success answer has no errcode, as WeChat's does not.
        var seconds = (long)Options.TokenLifetime.TotalSeconds;
        await ReplyJsonAsync(context, $$"""{"access_token":"{{value}}","expires_in":{{seconds.ToString(CultureInfo.InvariantCulture)}}}""").ConfigureAwait(false);
    }

    /// <summary>The errcode a call with this access_token gets, or null when the token is good.</summary>
    private (int Code, string Message)? CheckToken(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (41001, "access_token missing");
        }

        lock (_tokenLock)
        {
            if (!_tokens.TryGetValue(token, out var expires))
            {
                return (40001, "invalid credential, access_token is invalid or not latest");
            }

            return Now >= expires ? (42001, "access_token expired") : null;
        }
    }
}
