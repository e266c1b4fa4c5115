using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Common.Flow;
using WarningHub.Channels.Sms.Common.Transport;
using WarningHub.Channels.Sms.Common.Text;
using WarningHub.Channels.Sms.Sgip.Transport;

namespace WarningHub.Channels.Sms.Sgip;

/// <summary>
/// The SGIP 1.2 adapter for one China Unicom SMG account: keeps <see cref="SgipOptions.Binds"/> connections to the SMG
/// for Submits, spread within a shared rate limit, and listens on <see cref="SgipOptions.ListenPort"/> for the SMG's
/// own connection, which brings status reports (<see cref="Receipts"/>) and handsets' messages (<see cref="InboundTexts"/>).
/// Connections to the SMG are in SgipGateway.Binds.cs, the listener in SgipGateway.Listener.cs, sending in
/// SgipGateway.Send.cs, Report and Deliver in SgipGateway.Incoming.cs.
/// </summary>
public sealed partial class SgipGateway : ITextSender, IReceiptSource, IInboundTextSource, IChannelLifecycle, IGatewayHealth, IAsyncDisposable
{
    /// <summary>The ledger channel this adapter serves.</summary>
    public const string ChannelName = "sms";

    private readonly SgipOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ILoggerFactory _loggerFactory;
    private readonly SendRateLimiter _limiter;
    private readonly CarrierLinks<Session.SgipSession> _links;
    private readonly FlowControl _flow;
    private readonly SgipSequencer _sequencer;
    private readonly Channel<Receipt> _receipts = Channel.CreateUnbounded<Receipt>(new UnboundedChannelOptions { AllowSynchronousContinuations = false });
    private readonly Channel<InboundText> _mobileOriginated =
        Channel.CreateUnbounded<InboundText>(new UnboundedChannelOptions { AllowSynchronousContinuations = false });

    /// <summary>Creates the gateway; nothing connects or listens until <see cref="StartAsync"/>.</summary>
    /// <param name="name">The gateway's name; the adapter is called <c>sgip:</c> + name.</param>
    /// <param name="options">Validated options (see <see cref="SgipOptionsValidator"/>).</param>
    /// <param name="time">The clock for timeouts, the idle rule, Sequence Numbers, rate limits and back-off.</param>
    /// <param name="loggerFactory">Logging; phone numbers are masked.</param>
    public SgipGateway(string name, SgipOptions options, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _options = options;
        _time = time ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<SgipGateway>();
        _limiter = new SendRateLimiter(options.RateLimitPerSecond, _time, paced: true);
        _flow = new FlowControl(_limiter, _time, options.ThrottlePause);
        _sequencer = new SgipSequencer(options.EffectiveNodeId, _time, options.SmgUtcOffset);
        _links = NewLinks();
        Definition = CreateDefinition(name, options);
    }

    /// <summary>The gateway's name as registered (without the <c>sgip:</c> prefix).</summary>
    public string Name { get; }

    /// <inheritdoc />
    public ChannelDefinition Definition { get; }

    /// <inheritdoc />
    public ChannelReader<Receipt> Receipts => _receipts.Reader;

    /// <summary>
    /// Messages from handsets to the access number (Deliver on the SMG's connection), in arrival order, for the hub's
    /// reply handling such as an officer answering a 叫应 call by SMS. The sender is personal data: mask it in logs.
    /// </summary>
    public ChannelReader<InboundText> InboundTexts => _mobileOriginated.Reader;

    /// <summary>Connections to the SMG currently able to send.</summary>
    public int LiveBinds => _links.Live;

    /// <summary>The SMG's own connections (type 2 binds) open now.</summary>
    public int InboundConnections => _inbound.Count;

    /// <summary>The port the SMG's connection is accepted on (after <see cref="StartAsync"/>; the chosen one when ListenPort is 0).</summary>
    public int ListenPort { get; private set; }

    /// <summary>How many times Result 11 (node busy) or 33 (SMSC queue full) slowed the gateway down.</summary>
    public int FlowControlCuts => _flow.Cuts;

    /// <summary>Stops (Unbind, waiting up to the connect timeout) and ends <see cref="Receipts"/> and <see cref="InboundTexts"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time))
        {
            await StopAsync(timeout.Token).ConfigureAwait(false);
        }

        _receipts.Writer.TryComplete();
        _mobileOriginated.Writer.TryComplete();
        _limiter.Dispose();
    }

    private static ChannelDefinition CreateDefinition(string name, SgipOptions options) =>
        new("sgip:" + name, ChannelName, options.MaxParts == 1 ? Ucs2Parts.SingleChars : Ucs2Parts.PartChars * options.MaxParts, SupportsReceipts: true, MaxInFlight: options.Binds * options.Window)
        {
            ReportsWrites = true,
            Settings = new Dictionary<string, string>
            {
                [nameof(SgipOptions.Host)] = "SMG host name or address",
                [nameof(SgipOptions.Port)] = "SMG TCP port (8801)",
                [nameof(SgipOptions.LoginName)] = "Login Name of Bind",
                [nameof(SgipOptions.LoginPassword)] = "Login Password of Bind",
                [nameof(SgipOptions.SpNumber)] = "access number shown to recipients",
                [nameof(SgipOptions.CorpId)] = "corporation code, 5 digits",
                [nameof(SgipOptions.ServiceType)] = "ServiceType of Submit",
                [nameof(SgipOptions.Binds)] = "TCP connections to the SMG kept open",
                [nameof(SgipOptions.Window)] = "Submits awaiting an answer per connection (16)",
                [nameof(SgipOptions.RateLimitPerSecond)] = "most Submits per second over all connections (0 = unlimited)",
                [nameof(SgipOptions.ReportFlag)] = "0 report failures, 1 always, 2 never",
                [nameof(SgipOptions.ListenPort)] = "local port the SMG connects to with reports and replies",
            },
        };
}
