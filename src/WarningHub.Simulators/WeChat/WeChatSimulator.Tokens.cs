using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace WarningHub.Simulators.WeChat;

/// <summary>
/// <c>POST /cgi-bin/stable_token</c> {grant_type, appid, secret, force_refresh} and token checks. Normal mode answers the
/// current token while more than 5 minutes of it are left, and a new one in its last 5 minutes (the old one stays valid
/// to its end); forced refresh invalidates every older token at once, at most 20 times a Beijing day and not within 30
/// seconds of the last one (then the current token is answered unchanged), as WeChat documents. The old GET
/// <c>/cgi-bin/token</c> is not served: its tokens are a separate family, and the adapter no longer asks for them.
/// </summary>
public sealed partial class WeChatSimulator
{
    private static readonly TimeSpan EarlyRenewal = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan ForceSpacing = TimeSpan.FromSeconds(30);
    private const int ForcesPerDay = 20;

    private readonly Dictionary<string, DateTimeOffset> _tokens = new(StringComparer.Ordinal);
    private readonly Lock _tokenLock = new();
    private string? _current;
    private DateTimeOffset _lastForce = DateTimeOffset.MinValue;
    private (DateTime Day, int Count) _forces;
    private long _tokenRequests;
    private long _forcedRefreshes;
    private long _tokenSerial;

    /// <summary>Requests to the token endpoint, refused ones included.</summary>
    public long TokenRequests => Interlocked.Read(ref _tokenRequests);

    /// <summary>stable_token calls with force_refresh true that issued a new token.</summary>
    public long ForcedRefreshes => Interlocked.Read(ref _forcedRefreshes);

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

    private async Task HandleStableTokenAsync(HttpContext context)
    {
        Interlocked.Increment(ref _tokenRequests);
        var request = ParseTokenRequest(await ReadBodyAsync(context).ConfigureAwait(false));
        var refusal = request is null ? (47001, "data format error")
            : request.Value.GrantType != "client_credential" ? (40002, "invalid grant_type")
            : request.Value.AppId != Options.AppId ? (40013, "invalid appid")
            : request.Value.Secret != Options.AppSecret ? (40125, "invalid appsecret")
            : ((int, string)?)null;
        if (refusal is { } error)
        {
            await ReplyAsync(context, error.Item1, error.Item2).ConfigureAwait(false);
            return;
        }

        var answer = request!.Value.Force ? Force() : Normal();
        if (answer is not { } token)
        {
            await ReplyAsync(context, 45009, "reach max api daily quota limit").ConfigureAwait(false);
            return;
        }

        // The success answer has no errcode, as WeChat's does not.
        var seconds = Math.Max(1, (long)(token.Expires - Now).TotalSeconds).ToString(CultureInfo.InvariantCulture);
        await ReplyJsonAsync(context, $$"""{"access_token":"{{token.Value}}","expires_in":{{seconds}}}""").ConfigureAwait(false);
    }

    /// <summary>Normal mode: the current token, unless it is gone or in its last 5 minutes.</summary>
    private (string Value, DateTimeOffset Expires) Normal()
    {
        lock (_tokenLock)
        {
            if (_current is not null && _tokens.TryGetValue(_current, out var expires) && Now < expires - EarlyRenewal)
            {
                return (_current, expires);
            }

            return Issue(retireOthers: false);
        }
    }

    /// <summary>Forced: a new token and every older one invalid, within WeChat's spacing and daily count; null past the count.</summary>
    private (string Value, DateTimeOffset Expires)? Force()
    {
        lock (_tokenLock)
        {
            if (Now - _lastForce < ForceSpacing && _current is not null && _tokens.TryGetValue(_current, out var expires))
            {
                return (_current, expires);
            }

            var day = Now.ToOffset(Beijing).Date;
            _forces = _forces.Day == day ? _forces : (day, 0);
            if (_forces.Count >= ForcesPerDay)
            {
                return null;
            }

            _forces.Count++;
            _lastForce = Now;
            Interlocked.Increment(ref _forcedRefreshes);
            return Issue(retireOthers: true);
        }
    }

    /// <summary>
    /// Issues a token. Forced: older ones are invalid at once (40001, as WeChat's leak procedure warns); otherwise they
    /// end within the documented overlap.
    /// </summary>
    private (string Value, DateTimeOffset Expires) Issue(bool retireOthers)
    {
        var serial = Interlocked.Increment(ref _tokenSerial);
        var value = string.Create(CultureInfo.InvariantCulture, $"{serial:D2}_{RandomNumberGenerator.GetHexString(48)}");
        if (retireOthers)
        {
            _tokens.Clear();
        }

        var retire = Now + Options.TokenOverlap;
        foreach (var (token, expires) in _tokens.ToList())
        {
            _tokens[token] = expires < retire ? expires : retire;
        }

        _tokens[value] = Now + Options.TokenLifetime;
        _current = value;
        return (value, _tokens[value]);
    }

    private static (string? GrantType, string? AppId, string? Secret, bool Force)? ParseTokenRequest(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            string? Text(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
            var force = false;
            if (root.TryGetProperty("force_refresh", out var flag))
            {
                if (flag.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return null;
                }

                force = flag.GetBoolean();
            }

            return (Text("grant_type"), Text("appid"), Text("secret"), force);
        }
        catch (JsonException)
        {
            return null;
        }
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
