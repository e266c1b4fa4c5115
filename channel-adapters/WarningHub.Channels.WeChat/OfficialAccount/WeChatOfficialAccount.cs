using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RestSharp;
using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Flow;
using WarningHub.Channels.WeChat.Http;
using WarningHub.Channels.WeChat.OfficialAccount;

namespace WarningHub.Channels.WeChat;

/// <summary>
/// One WeChat official account sending template messages to subscribers' openids. The access_token is shared through an
/// <see cref="IAccessTokenCache"/>; sends are capped per sliding second; TEMPLATESENDJOBFINISH events that WeChat posts to
/// the hub's callback URL (handled by <see cref="Callback"/>) come out as <see cref="Receipts"/>. Sending is in
/// WeChatOfficialAccount.Send.cs, the token in WeChatOfficialAccount.Token.cs.
/// </summary>
public sealed partial class WeChatOfficialAccount : ITextSender, IReceiptSource, IChannelLifecycle, IDisposable
{
    /// <summary>The ledger channel this adapter serves.</summary>
    public const string ChannelName = "wechat";

    /// <summary>Template content is limited to about 200 characters by WeChat's operation rules.</summary>
    public const int MaxTemplateTextLength = 200;

    private readonly WeChatOfficialAccountOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IAccessTokenCache _tokens;
    private readonly AccessTokenFetcher _fetchToken;
    private readonly RestClient _client;
    private readonly SlidingWindowLimiter _limiter;
    private readonly TemplateMessageFactory _messages;
    private readonly Channel<Receipt> _receipts = Channel.CreateUnbounded<Receipt>(
        new UnboundedChannelOptions { SingleWriter = false, SingleReader = false, AllowSynchronousContinuations = false });

    /// <summary>Creates the adapter; nothing is fetched until <see cref="StartAsync"/> or the first send.</summary>
    /// <param name="name">The account's name in the hub; the adapter is called <c>wechat-oa:</c> + name.</param>
    /// <param name="options">Validated options (see <see cref="WeChatOfficialAccountOptionsValidator"/>).</param>
    /// <param name="tokens">Where the token is shared; a private in-memory cache when null.</param>
    /// <param name="time">The clock for token expiry, the rate cap and the daily quota.</param>
    /// <param name="loggerFactory">Logging; openids are masked, secrets never written.</param>
    public WeChatOfficialAccount(string name, WeChatOfficialAccountOptions options, IAccessTokenCache? tokens = null,
        TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _options = options;
        _time = time ?? TimeProvider.System;
        var factory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = factory.CreateLogger<WeChatOfficialAccount>();
        _tokens = tokens ?? new InMemoryAccessTokenCache(_time);
        _fetchToken = FetchTokenAsync;
        _client = ApiExchange.CreateClient(options.ApiBase, options.RequestTimeout);
        _limiter = new SlidingWindowLimiter(options.RatePerSecond, TimeSpan.FromSeconds(1), _time);
        _messages = new TemplateMessageFactory(options);
        var crypto = string.IsNullOrEmpty(options.EncodingAesKey) ? null : new WeChatMessageCrypto(options.EncodingAesKey, options.AppId);
        Callback = new WeChatCallback(name, options.CallbackToken, crypto, options.CallbackMaxBytes, PublishReceipt, _time,
            factory.CreateLogger<WeChatCallback>());
        Definition = CreateDefinition(name, options);
    }

    /// <summary>The account's name as registered (without the <c>wechat-oa:</c> prefix).</summary>
    public string Name { get; }

    /// <inheritdoc />
    public ChannelDefinition Definition { get; }

    /// <inheritdoc />
    public ChannelReader<Receipt> Receipts => _receipts.Reader;

    /// <summary>The handler for WeChat's calls to this account's callback URL; the hub's server maps it to a route.</summary>
    public WeChatCallback Callback { get; }

    /// <summary>Fetches the token early, so a wrong AppId or AppSecret shows in the log at start-up. Never throws for it.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _tokens.GetAsync(_options.AppId, _fetchToken, cancellationToken).ConfigureAwait(false);
        }
        catch (AccessTokenUnavailableException ex)
        {
            _logger.LogError("WeChat account {Account}: no access_token at start-up ({Code}: {Reason}); sends will fail temporarily until one is fetched.",
                Name, ex.ErrorCode, ex.Message);
        }
    }

    /// <summary>Nothing to close: HTTP connections are pooled and idle ones time out.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Releases the HTTP client and ends <see cref="Receipts"/>.</summary>
    public void Dispose()
    {
        _receipts.Writer.TryComplete();
        _client.Dispose();
        _limiter.Dispose();
    }

    private void PublishReceipt(Receipt receipt) => _receipts.Writer.TryWrite(receipt);

    private static ChannelDefinition CreateDefinition(string name, WeChatOfficialAccountOptions options) =>
        new("wechat-oa:" + name, ChannelName, MaxTemplateTextLength, SupportsReceipts: true, options.MaxInFlight)
        {
            Settings = new Dictionary<string, string>
            {
                [nameof(WeChatOfficialAccountOptions.AppId)] = "the account's AppID",
                [nameof(WeChatOfficialAccountOptions.AppSecret)] = "the account's AppSecret (secret)",
                [nameof(WeChatOfficialAccountOptions.ApiBase)] = "WeChat API base URL",
                [nameof(WeChatOfficialAccountOptions.CallbackToken)] = "Token of the server configuration; signs callbacks (secret)",
                [nameof(WeChatOfficialAccountOptions.DefaultTemplateId)] = "template used when Templates has no match",
                [nameof(WeChatOfficialAccountOptions.Templates)] = "event/level, event or */level → template id",
                [nameof(WeChatOfficialAccountOptions.FieldMap)] = "template key → pattern of {field} placeholders",
                [nameof(WeChatOfficialAccountOptions.DetailUrl)] = "page opened by tapping the message (pattern)",
                [nameof(WeChatOfficialAccountOptions.RatePerSecond)] = "most sends per sliding second",
                [nameof(WeChatOfficialAccountOptions.TokenRefreshMargin)] = "replace the token this long before it expires",
            },
        };
}
