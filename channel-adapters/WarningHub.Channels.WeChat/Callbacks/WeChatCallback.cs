using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Callbacks;

namespace WarningHub.Channels.WeChat;

/// <summary>
/// WeChat's calls to one account's callback URL, free of any web framework: the hub's server maps a route to
/// <see cref="HandleAsync"/> and writes back the <see cref="WeChatCallbackResponse"/>. A GET is the server-configuration
/// handshake (answered with echostr); a POST carries an event or a user's message. Both are signed
/// (<see cref="WeChatSignature"/>); unsigned or forged calls are refused before the body is read.
/// TEMPLATESENDJOBFINISH events become receipts of the account; every other event or message is acknowledged and ignored.
/// Only plaintext mode (明文模式) is understood. Replayed calls (a recorded signed request sent again) are not detected:
/// the receipt they repeat is one the hub already has.
/// </summary>
public sealed partial class WeChatCallback
{
    /// <summary>Longest echostr echoed back; WeChat's are short random strings.</summary>
    public const int MaxEchoLength = 256;

    private readonly string _token;
    private readonly int _maxBytes;
    private readonly Action<Receipt> _publish;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal WeChatCallback(string account, string token, int maxBytes, Action<Receipt> publish, TimeProvider time, ILogger logger)
    {
        Account = account;
        _token = token;
        _maxBytes = maxBytes;
        _publish = publish;
        _time = time;
        _logger = logger;
    }

    /// <summary>The account's name in the hub (the route's <c>{account}</c>).</summary>
    public string Account { get; }

    /// <summary>Handles one call.</summary>
    /// <param name="method">The HTTP method: GET or POST.</param>
    /// <param name="query">The query parameters by their names as WeChat sends them (signature, timestamp, nonce, echostr, openid, encrypt_type).</param>
    /// <param name="body">The request body of a POST; read up to the configured limit.</param>
    /// <param name="cancellationToken">Ends reading the body.</param>
    public async ValueTask<WeChatCallbackResponse> HandleAsync(string method, IReadOnlyDictionary<string, string?> query, Stream? body,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(query);
        var isGet = string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase);
        if (!isGet && !string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return WeChatCallbackResponse.Refuse(405, "only GET and POST");
        }

        var signature = Get(query, "signature");
        var timestamp = Get(query, "timestamp");
        var nonce = Get(query, "nonce");
        if (signature is null || timestamp is null || nonce is null)
        {
            return WeChatCallbackResponse.Refuse(400, "signature, timestamp and nonce are required");
        }

        if (!WeChatSignature.Verify(_token, timestamp, nonce, signature))
        {
            _logger.LogWarning("WeChat callback {Account}: refused a {Method} with a wrong signature.", Account, isGet ? "GET" : "POST");
            return WeChatCallbackResponse.Refuse(403, "signature mismatch");
        }

        return isGet ? Handshake(Get(query, "echostr")) : await HandleEventAsync(query, body, cancellationToken).ConfigureAwait(false);
    }

    private static string? Get(IReadOnlyDictionary<string, string?> query, string name)
    {
        if (query.TryGetValue(name, out var value))
        {
            return value;
        }

        // Servers hand over their query collections with different comparers; WeChat's names are lower case.
        foreach (var (key, candidate) in query)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }

    private static WeChatCallbackResponse Handshake(string? echo)
    {
        if (echo is not { Length: > 0 and <= MaxEchoLength } || echo.Any(char.IsControl))
        {
            return WeChatCallbackResponse.Refuse(400, "echostr is missing or not a short string");
        }

        return WeChatCallbackResponse.Ok(echo);
    }
}
