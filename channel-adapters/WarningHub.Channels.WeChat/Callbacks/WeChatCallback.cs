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
/// A call whose timestamp is more than 5 minutes from the hub's clock, or whose nonce was already used, is refused
/// (<see cref="ReplayWindow"/>). Pushes come in plaintext (明文模式), compatible (兼容模式) or safe mode (安全模式), as XML
/// or JSON: with an EncodingAESKey configured, only the encrypted part counts, its <c>msg_signature</c> must cover it,
/// and a push without one is refused (in plaintext mode WeChat signs the URL, not the body).
/// </summary>
public sealed partial class WeChatCallback
{
    /// <summary>Longest echostr echoed back; WeChat's are short random strings.</summary>
    public const int MaxEchoLength = 256;

    private readonly string _token;
    private readonly WeChatMessageCrypto? _crypto;
    private readonly ReplayWindow _replays;
    private readonly int _maxBytes;
    private readonly Action<Receipt> _publish;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal WeChatCallback(string account, string token, WeChatMessageCrypto? crypto, int maxBytes, Action<Receipt> publish, TimeProvider time,
        ILogger logger)
    {
        Account = account;
        _token = token;
        _crypto = crypto;
        _replays = new ReplayWindow(time);
        _maxBytes = maxBytes;
        _publish = publish;
        _time = time;
        _logger = logger;
    }

    /// <summary>The account's name in the hub (the route's <c>{account}</c>).</summary>
    public string Account { get; }

    /// <summary>Handles one call.</summary>
    /// <param name="method">The HTTP method: GET or POST.</param>
    /// <param name="query">The query parameters by their names as WeChat sends them (signature, timestamp, nonce, echostr, openid, encrypt_type, msg_signature).</param>
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

        // After the signature, so only WeChat's own calls take room in the nonce memory.
        if (_replays.Admit(timestamp, nonce) is { } stale)
        {
            _logger.LogWarning("WeChat callback {Account}: refused a signed {Method}: {Reason}.", Account, isGet ? "GET" : "POST", stale);
            return WeChatCallbackResponse.Refuse(403, stale);
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
