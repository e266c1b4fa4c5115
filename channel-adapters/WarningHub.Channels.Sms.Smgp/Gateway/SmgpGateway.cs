using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smgp.Protocol;
using WarningHub.Channels.Sms.Common.Flow;
using WarningHub.Channels.Sms.Common.Transport;
using WarningHub.Channels.Sms.Common.Text;

namespace WarningHub.Channels.Sms.Smgp;

/// <summary>
/// The SMGP 3.0 adapter for one China Telecom SMGW account: keeps <see cref="SmgpOptions.Binds"/> connections, spreads
/// Submits over the connected ones within a shared rate limit, reconnects with back-off, reports status reports on
/// <see cref="Receipts"/> and handsets' messages on <see cref="InboundTexts"/>. Connections are in
/// SmgpGateway.Binds.cs, sending in SmgpGateway.Send.cs, Deliver in SmgpGateway.Deliveries.cs.
/// </summary>
public sealed partial class SmgpGateway : ITextSender, IReceiptSource, IInboundTextSource, IChannelLifecycle, IGatewayHealth, IAsyncDisposable
{
    /// <summary>The ledger channel this adapter serves.</summary>
    public const string ChannelName = "sms";

    private readonly SmgpOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ILoggerFactory _loggerFactory;
    private readonly SendRateLimiter _limiter;
    private readonly CarrierLinks<Session.SmgpSession> _links;
    private readonly FlowControl _flow;
    private readonly Channel<Receipt> _receipts = Channel.CreateUnbounded<Receipt>(new UnboundedChannelOptions { AllowSynchronousContinuations = false });
    private readonly Channel<InboundText> _mobileOriginated =
        Channel.CreateUnbounded<InboundText>(new UnboundedChannelOptions { AllowSynchronousContinuations = false });

    /// <summary>Creates the gateway; nothing connects until <see cref="StartAsync"/>.</summary>
    /// <param name="name">The gateway's name; the adapter is called <c>smgp:</c> + name.</param>
    /// <param name="options">Validated options (see <see cref="SmgpOptionsValidator"/>).</param>
    /// <param name="time">The clock for timeouts, the resend rule, ACTIVE_TEST, rate limits and back-off.</param>
    /// <param name="loggerFactory">Logging; phone numbers are masked.</param>
    public SmgpGateway(string name, SmgpOptions options, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _options = options;
        _time = time ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<SmgpGateway>();
        _limiter = new SendRateLimiter(options.RateLimitPerSecond, _time, paced: true);
        _flow = new FlowControl(_limiter, _time, options.ThrottlePause);
        _links = NewLinks();
        Definition = CreateDefinition(name, options);
    }

    /// <summary>The gateway's name as registered (without the <c>smgp:</c> prefix).</summary>
    public string Name { get; }

    /// <inheritdoc />
    public ChannelDefinition Definition { get; }

    /// <inheritdoc />
    public ChannelReader<Receipt> Receipts => _receipts.Reader;

    /// <summary>
    /// Messages from handsets to the access number (Deliver with IsReport 0), in arrival order, for the
    /// hub's reply handling such as an officer answering a 叫应 call by SMS. The sender is personal data: mask it in logs.
    /// </summary>
    public ChannelReader<InboundText> InboundTexts => _mobileOriginated.Reader;

    /// <summary>Connections currently able to send.</summary>
    public int LiveBinds => _links.Live;

    /// <summary>How many times Status 1 (system busy) slowed the gateway down.</summary>
    public int FlowControlCuts => _flow.Cuts;

    /// <summary>Stops (Exit, waiting up to the connect timeout) and ends <see cref="Receipts"/> and <see cref="InboundTexts"/>.</summary>
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

    private static ChannelDefinition CreateDefinition(string name, SmgpOptions options) =>
        new("smgp:" + name, ChannelName, options.MaxParts == 1 ? Ucs2Parts.SingleChars : Ucs2Parts.PartChars * options.MaxParts, SupportsReceipts: true, MaxInFlight: options.Binds * options.Window)
        {
            ReportsWrites = true,
            Settings = new Dictionary<string, string>
            {
                [nameof(SmgpOptions.Host)] = "SMGW host name or address",
                [nameof(SmgpOptions.Port)] = "SMGW TCP port (8890)",
                [nameof(SmgpOptions.ClientId)] = "ClientID of Login",
                [nameof(SmgpOptions.SpId)] = "SP id, sent as the MsgSrc TLV",
                [nameof(SmgpOptions.SharedSecret)] = "shared secret of the SP id",
                [nameof(SmgpOptions.ServiceId)] = "Service_Id of SUBMIT",
                [nameof(SmgpOptions.SrcTermId)] = "access number shown to recipients",
                [nameof(SmgpOptions.Binds)] = "TCP connections kept open",
                [nameof(SmgpOptions.Window)] = "Submits awaiting an answer per connection (16)",
                [nameof(SmgpOptions.RateLimitPerSecond)] = "most Submits per second over all connections (0 = unlimited)",
                [nameof(SmgpOptions.NeedReport)] = "ask for status reports",
            },
        };
}
