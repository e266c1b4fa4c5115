using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Cmpp.Protocol;
using WarningHub.Channels.Sms.Cmpp.Receipts;
using WarningHub.Channels.Sms.Common.Flow;
using WarningHub.Channels.Sms.Common.Transport;
using WarningHub.Channels.Sms.Common.Text;

namespace WarningHub.Channels.Sms.Cmpp;

/// <summary>
/// The CMPP 2.0 / 3.0 adapter for one ISMG account: keeps <see cref="CmppOptions.Binds"/> connections, spreads
/// SUBMITs over the connected ones within a shared rate limit, reconnects with back-off, reports status reports on
/// <see cref="Receipts"/> and handsets' messages on <see cref="InboundTexts"/>. Connections are in
/// CmppGateway.Binds.cs, sending in CmppGateway.Send.cs, DELIVER in CmppGateway.Deliveries.cs.
/// </summary>
public sealed partial class CmppGateway : ITextSender, IReceiptSource, IInboundTextSource, IChannelLifecycle, IGatewayHealth, IAsyncDisposable
{
    /// <summary>The ledger channel this adapter serves.</summary>
    public const string ChannelName = "sms";

    private readonly CmppOptions _options;
    private readonly CmppVersion _version;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ILoggerFactory _loggerFactory;
    private readonly SendRateLimiter _limiter;
    private readonly CarrierLinks<Session.CmppSession> _links;
    private readonly FlowControl _flow;
    private readonly StatusReportReader _reports;
    private readonly Channel<Receipt> _receipts = Channel.CreateUnbounded<Receipt>(new UnboundedChannelOptions { AllowSynchronousContinuations = false });
    private readonly Channel<InboundText> _mobileOriginated =
        Channel.CreateUnbounded<InboundText>(new UnboundedChannelOptions { AllowSynchronousContinuations = false });

    /// <summary>Creates the gateway; nothing connects until <see cref="StartAsync"/>.</summary>
    /// <param name="name">The gateway's name; the adapter is called <c>cmpp:</c> + name.</param>
    /// <param name="options">Validated options (see <see cref="CmppOptionsValidator"/>).</param>
    /// <param name="time">The clock for timeouts, the resend rule, ACTIVE_TEST, rate limits and back-off.</param>
    /// <param name="loggerFactory">Logging; phone numbers are masked.</param>
    public CmppGateway(string name, CmppOptions options, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _options = options;
        _version = CmppVersion.FromMajor(options.Version);
        _time = time ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<CmppGateway>();
        _limiter = new SendRateLimiter(options.RateLimitPerSecond, _time, paced: true);
        _flow = new FlowControl(_limiter, _time, options.ThrottlePause);
        _reports = new StatusReportReader(options.IsmgUtcOffset, _time);
        _links = NewLinks();
        Definition = CreateDefinition(name, options);
    }

    /// <summary>The gateway's name as registered (without the <c>cmpp:</c> prefix).</summary>
    public string Name { get; }

    /// <inheritdoc />
    public ChannelDefinition Definition { get; }

    /// <inheritdoc />
    public ChannelReader<Receipt> Receipts => _receipts.Reader;

    /// <summary>
    /// Messages from handsets to the access number (MO DELIVERs, Registered_Delivery 0), in arrival order, for the
    /// hub's reply handling such as an officer answering a 叫应 call by SMS. The sender is personal data: mask it in logs.
    /// </summary>
    public ChannelReader<InboundText> InboundTexts => _mobileOriginated.Reader;

    /// <summary>Connections currently able to send.</summary>
    public int LiveBinds => _links.Live;

    /// <summary>How many times Result 8 (flow control) slowed the gateway down.</summary>
    public int FlowControlCuts => _flow.Cuts;

    /// <summary>Stops (TERMINATE, waiting up to the connect timeout) and ends <see cref="Receipts"/> and <see cref="InboundTexts"/>.</summary>
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

    private static ChannelDefinition CreateDefinition(string name, CmppOptions options) =>
        new("cmpp:" + name, ChannelName, options.MaxParts == 1 ? Ucs2Parts.SingleChars : Ucs2Parts.PartChars * options.MaxParts, SupportsReceipts: true, MaxInFlight: options.Binds * options.Window)
        {
            ReportsWrites = true,
            Settings = new Dictionary<string, string>
            {
                [nameof(CmppOptions.Host)] = "ISMG host name or address",
                [nameof(CmppOptions.Port)] = "ISMG TCP port (7890)",
                [nameof(CmppOptions.Version)] = "2 (CMPP 2.0) or 3 (CMPP 3.0)",
                [nameof(CmppOptions.SourceAddr)] = "SP id, 6 characters",
                [nameof(CmppOptions.SharedSecret)] = "shared secret of the SP id",
                [nameof(CmppOptions.ServiceId)] = "Service_Id of SUBMIT",
                [nameof(CmppOptions.SrcId)] = "access number shown to recipients",
                [nameof(CmppOptions.Binds)] = "TCP connections kept open",
                [nameof(CmppOptions.Window)] = "SUBMITs awaiting an answer per connection (16)",
                [nameof(CmppOptions.RateLimitPerSecond)] = "most SUBMITs per second over all connections (0 = unlimited)",
                [nameof(CmppOptions.RegisteredDelivery)] = "ask for status reports",
            },
        };
}
