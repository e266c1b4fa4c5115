using System.Security.Cryptography;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RestSharp;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Common.Flow;
using WarningHub.Channels.Sms.Common.Text;
using WarningHub.Channels.Sms.Http.Gateway;
using WarningHub.Channels.Sms.Http.Profiles;

namespace WarningHub.Channels.Sms.Http;

/// <summary>
/// An SMS gateway reached over HTTP (<see cref="HttpSmsProfile"/>): a configured Generic API, Kannel's smsbox, or a
/// cloud SMS platform. Requests keep within <see cref="HttpSmsOptions.RateLimitPerSecond"/>; only a request that never
/// connected counts as not sent. Sending is in HttpSmsGateway.Send.cs, batching in HttpSmsGateway.Batches.cs,
/// receipts in HttpSmsGateway.Receipts.cs and the health probe in HttpSmsGateway.Health.cs.
/// </summary>
public sealed partial class HttpSmsGateway : ITextSender, IReceiptSource, ISendCapacity, IChannelLifecycle, IGatewayHealth, IAsyncDisposable
{
    /// <summary>The ledger channel this adapter serves.</summary>
    public const string ChannelName = "sms";

    /// <summary>The adapter name's prefix: <c>http:</c> + the gateway's name.</summary>
    public const string Prefix = "http:";

    private readonly HttpSmsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SendRateLimiter _limiter;
    private readonly SemaphoreSlim _inFlight;
    private readonly RestClient _client;
    private readonly SmsProfile _profile;
    private readonly Uri _baseUrl;
    private readonly string _instance = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    private readonly Channel<Receipt> _receipts = Channel.CreateUnbounded<Receipt>(new UnboundedChannelOptions { AllowSynchronousContinuations = false });
    private long _sequence;

    /// <summary>Creates the gateway; nothing is sent or polled until <see cref="StartAsync"/>.</summary>
    /// <param name="name">The gateway's name; the adapter is called <c>http:</c> + name, and its callback path has it.</param>
    /// <param name="options">Validated options (see <see cref="HttpSmsOptionsValidator"/>).</param>
    /// <param name="time">The clock for timeouts, the rate limit, batching, polling, probes and signatures.</param>
    /// <param name="loggerFactory">Logging; phone numbers are masked.</param>
    public HttpSmsGateway(string name, HttpSmsOptions options, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<HttpSmsGateway>();
        // Paced like the operators' gateways: the exact window alone lets a second's requests go at once, and a burst
        // delayed on its way lands beside the next in one second of the gateway's count.
        _limiter = new SendRateLimiter(options.RateLimitPerSecond, _time, paced: true);
        _inFlight = new SemaphoreSlim(options.Concurrency, options.Concurrency);
        _baseUrl = new Uri(options.Url.EndsWith('/') || options.Profile == HttpSmsProfile.Generic ? options.Url : options.Url + "/");
        _client = new RestClient(new RestClientOptions(_baseUrl)
        {
            Timeout = options.Timeout,
            FollowRedirects = false,
            ThrowOnAnyError = false,
            UserAgent = "WarningHub",

            // A connect that fails within ConnectTimeout sent nothing; the overall Timeout then only ends requests that connected.
            ConfigureMessageHandler = _ => new SocketsHttpHandler
            {
                ConnectTimeout = options.ConnectTimeout,
                AllowAutoRedirect = false,
                PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            },
        });
        _profile = CreateProfile();
        _health = GatewayHealth.Down($"HTTP SMS gateway {name} is not started.", _time.GetUtcNow());
        Definition = CreateDefinition();
    }

    /// <summary>The gateway's name as registered (without the <c>http:</c> prefix).</summary>
    public string Name { get; }

    /// <inheritdoc />
    public ChannelDefinition Definition { get; }

    /// <inheritdoc />
    public ChannelReader<Receipt> Receipts => _receipts.Reader;

    /// <inheritdoc />
    public int PartsPerSecond => _options.RateLimitPerSecond * _options.EffectiveMaxBatch;

    /// <inheritdoc />
    public int Connections => _options.Concurrency;

    /// <summary>Requests sent so far (each may carry up to MaxBatch numbers).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <inheritdoc />
    public int PartsOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Ucs2Parts.Count(Signed(text));
    }

    /// <summary>Stops polling and probing and ends <see cref="Receipts"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(_options.Timeout, _time))
        {
            await StopAsync(timeout.Token).ConfigureAwait(false);
        }

        _receipts.Writer.TryComplete();
        _client.Dispose();
        _limiter.Dispose();
        _inFlight.Dispose();
    }

    /// <summary>The text as sent: with the signature (the Cloud platform adds SignName itself).</summary>
    private string Signed(string text) => _options.Profile == HttpSmsProfile.Cloud ? text : Signature.Apply(text, _options.Signature);

    private SmsProfile CreateProfile() => _options.Profile switch
    {
        HttpSmsProfile.Cloud => new CloudProfile(_options, _baseUrl, _time),
        HttpSmsProfile.Kannel => new GenericProfile(_options, _time, ReceiptUrl, "cgi-bin/sendsms", KannelFields(), successRegex: "^[03]: ")
        {
            HttpMethod = Method.Get,
            SuccessStatus = [200, 202],
        },
        _ => new GenericProfile(_options, _time, ReceiptUrl, string.Empty)
        {
            BodyKind = _options.Body,
            SuccessStatus = _options.EffectiveSuccessStatus,
        },
    };

    /// <summary>
    /// smsbox's sendsms: text in UTF-8, sent on as UCS2 (coding 2); every DLR type asked for (dlr-mask 31), the
    /// intermediate ones (buffered, SMSC accepted) ignored when they come.
    /// </summary>
    private Dictionary<string, string> KannelFields()
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["username"] = _options.Username,
            ["password"] = _options.Password,
            ["to"] = "{phone}",
            ["text"] = "{text}",
            ["charset"] = "UTF-8",
            ["coding"] = "2",
            ["dlr-mask"] = "31",
            ["dlr-url"] = "{receiptUrl}",
        };
        if (!string.IsNullOrEmpty(_options.Sender)) fields["from"] = _options.Sender;
        return fields;
    }

    private ChannelDefinition CreateDefinition() =>
        new(Prefix + Name, ChannelName, _options.MaxParts == 1 ? Ucs2Parts.SingleChars : Ucs2Parts.PartChars * _options.MaxParts,
            SupportsReceipts: _options.EffectiveReceipts != HttpSmsReceipts.None, MaxInFlight: _options.Concurrency * _options.EffectiveMaxBatch)
        {
            ReportsWrites = true,
            Settings = new Dictionary<string, string>
            {
                [nameof(HttpSmsOptions.Profile)] = "Generic, Kannel or Cloud",
                [nameof(HttpSmsOptions.Url)] = "send URL (Generic), smsbox base (Kannel) or API base (Cloud)",
                [nameof(HttpSmsOptions.Receipts)] = "None, Callback or Polling",
                [nameof(HttpSmsOptions.RateLimitPerSecond)] = "most requests per second (0 = unlimited)",
                [nameof(HttpSmsOptions.Timeout)] = "time for one request, answer included (10 s)",
                [nameof(HttpSmsOptions.MaxBatch)] = "numbers per request (Cloud up to 1000; Generic above 1 with {phones} or {phoneArray} and ResultsPath)",
                [nameof(HttpSmsOptions.CallbackToken)] = "secret of receipt callbacks",
                [nameof(HttpSmsOptions.PollUrl)] = "where a Generic gateway's receipts are pulled from",
                [nameof(HttpSmsOptions.AccessKeyId)] = "Cloud AccessKey id",
                [nameof(HttpSmsOptions.SignName)] = "Cloud signature name",
                [nameof(HttpSmsOptions.TemplateCode)] = "Cloud template code",
            },
        };
}
