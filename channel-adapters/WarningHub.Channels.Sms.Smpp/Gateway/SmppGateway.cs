using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Flow;
using WarningHub.Channels.Sms.Smpp.Gateway;
using WarningHub.Channels.Sms.Smpp.Receipts;
using WarningHub.Channels.Sms.Smpp.Text;

namespace WarningHub.Channels.Sms.Smpp;

/// <summary>
/// The SMPP 3.4 adapter for one SMSC account: keeps <see cref="SmppOptions.Binds"/> binds, spreads submits over the
/// live ones within a shared rate limit, reconnects with back-off, and reports receipts on <see cref="Receipts"/>.
/// Binds and reconnects are in SmppGateway.Binds.cs, health in SmppGateway.Health.cs, sending in SmppGateway.Send.cs
/// and SmppGateway.Round.cs, query_sm in SmppGateway.Query.cs.
/// </summary>
public sealed partial class SmppGateway : ITextSender, IReceiptSource, IInboundTextSource, IChannelLifecycle, IGatewayHealth, IReceiptQuery, IAsyncDisposable
{
    /// <summary>The ledger channel this adapter serves.</summary>
    public const string ChannelName = "sms";

    private readonly SmppOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ILoggerFactory _loggerFactory;
    private readonly SendRateLimiter _limiter;
    private readonly ThrottleGovernor _governor;
    private readonly ReceiptIdNormalizer _ids;
    private readonly DeliveryReceiptReader _receiptReader;
    private readonly SubmitSmFactory _parts;
    private readonly Channel<Receipt> _receipts = Channel.CreateUnbounded<Receipt>(
        new UnboundedChannelOptions { SingleWriter = false, SingleReader = false, AllowSynchronousContinuations = false });

    private readonly Channel<InboundText> _inbound = Channel.CreateUnbounded<InboundText>(
        new UnboundedChannelOptions { SingleWriter = false, SingleReader = false, AllowSynchronousContinuations = false });

    private readonly ConcatenationMemory _memory;

    /// <summary>Creates the gateway; nothing connects until <see cref="StartAsync"/>.</summary>
    /// <param name="name">The gateway's name; the adapter is called <c>smpp:</c> + name.</param>
    /// <param name="options">Validated options (see <see cref="SmppOptionsValidator"/>).</param>
    /// <param name="time">The clock for timeouts, rate limits and back-off.</param>
    /// <param name="loggerFactory">Logging; phone numbers are masked.</param>
    public SmppGateway(string name, SmppOptions options, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _options = options;
        _time = time ?? TimeProvider.System;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<SmppGateway>();
        _limiter = new SendRateLimiter(options.RateLimitPerSecond, _time, paced: true);
        _governor = new ThrottleGovernor(_limiter, _time, options.ThrottlePause, options.ThrottlePause * 16);
        _ids = new ReceiptIdNormalizer(options.ReceiptIdFormat);
        _receiptReader = new DeliveryReceiptReader(_ids, options.SmscUtcOffset);
        _parts = new SubmitSmFactory(options);
        _memory = new ConcatenationMemory(_time, options.ResendMemoryTtl, _parts.ReferenceSpace);
        _health = GatewayHealth.Down($"The SMPP gateway {name} is not started.", _time.GetUtcNow());
        Definition = CreateDefinition(name, options);
    }

    /// <summary>The gateway's name as registered (without the <c>smpp:</c> prefix).</summary>
    public string Name { get; }

    /// <inheritdoc />
    public ChannelDefinition Definition { get; }

    /// <inheritdoc />
    public ChannelReader<Receipt> Receipts => _receipts.Reader;

    /// <inheritdoc />
    public ChannelReader<InboundText> InboundTexts => _inbound.Reader;

    /// <summary>Binds currently able to send.</summary>
    public int LiveBinds => Volatile.Read(ref _live).Length;

    /// <summary>Stops (unbinding for up to the response timeout) and ends <see cref="Receipts"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(_options.ResponseTimeout, _time))
        {
            await StopAsync(timeout.Token).ConfigureAwait(false);
        }

        _receipts.Writer.TryComplete();
        _inbound.Writer.TryComplete();
        _limiter.Dispose();
    }

    private void PublishReceipt(Receipt receipt) => _receipts.Writer.TryWrite(receipt);

    private void PublishInbound(InboundText text) => _inbound.Writer.TryWrite(text);

    private static ChannelDefinition CreateDefinition(string name, SmppOptions options)
    {
        var ucs2Part = options.UseSarTlvs || options.ConcatenationReferenceBits == 8 ? SmsLimits.Ucs2Part : SmsLimits.PartSizes(UserDataHeader.Concatenation16BitLength).Ucs2;
        var singleUcs2 = options.MaxParts == 1 ? SmsLimits.Ucs2Single : ucs2Part * options.MaxParts;
        return new ChannelDefinition(
            "smpp:" + name,
            ChannelName,
            MaxTextLength: singleUcs2,
            SupportsReceipts: options.BindMode == SmppBindMode.Transceiver,
            MaxInFlight: options.Binds * options.Window)
        {
            ReportsWrites = true,
            Settings = new Dictionary<string, string>
            {
                [nameof(SmppOptions.Host)] = "SMSC host name or address",
                [nameof(SmppOptions.Port)] = "SMSC TCP port (2775)",
                [nameof(SmppOptions.SystemId)] = "account system_id",
                [nameof(SmppOptions.Password)] = "account password",
                [nameof(SmppOptions.BindMode)] = "Transceiver or Transmitter",
                [nameof(SmppOptions.Binds)] = "TCP connections kept open",
                [nameof(SmppOptions.Window)] = "submit_sm awaiting a response per bind",
                [nameof(SmppOptions.SourceAddress)] = "sender number shown to recipients",
                [nameof(SmppOptions.Signature)] = "prefix such as 【井研县应急管理局】",
                [nameof(SmppOptions.UseSarTlvs)] = "concatenate with SAR TLVs instead of a UDH",
                [nameof(SmppOptions.RateLimitPerSecond)] = "most submit_sm per second over all binds (0 = unlimited)",
                [nameof(SmppOptions.ReceiptIdFormat)] = "AsIs, HexToDecimal or DecimalToHex",
                [nameof(SmppOptions.ConcatenationReferenceBits)] = "16 (UDH IEI 0x08) or 8 (IEI 0x00)",
                [nameof(SmppOptions.UseMessagePayload)] = "send long texts whole in message_payload",
                [nameof(SmppOptions.ResendMemoryTtl)] = "how long accepted parts are remembered for resends",
                [nameof(SmppOptions.SupportsQuerySm)] = "ask query_sm for receipts lost with a link",
            },
        };
    }
}
