using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Ip.Addressing;
using WarningHub.Channels.Loudspeaker.Ip.Http;
using WarningHub.Channels.Loudspeaker.Ip.Receipts;
using WarningHub.Channels.Loudspeaker.Ip.Rtp;
using WarningHub.Channels.Loudspeaker.Ip.Terminals;

namespace WarningHub.Channels.Loudspeaker.Ip;

/// <summary>
/// The adapter for one network of IP loudspeaker terminals (村村响 / 大喇叭): streams bulletins as RTP G.711 to
/// terminals and multicast groups, hands clips to HTTP terminals, tracks terminal states from heartbeats and status
/// queries, and reports play confirmations as receipts. RTP is in IpSpeakerChannel.Rtp.cs, HTTP in
/// IpSpeakerChannel.Http.cs, terminal states in IpSpeakerChannel.Terminals.cs.
/// </summary>
public sealed partial class IpSpeakerChannel : IAudioBroadcaster, IReceiptSource, ITerminalMonitor, IChannelLifecycle, IAsyncDisposable
{
    /// <summary>The ledger channel this adapter serves.</summary>
    public const string ChannelName = "loudspeakerIp";

    private readonly IpSpeakerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly TerminalBook _book;
    private readonly PlayConfirmations _confirmations;
    private readonly HttpTerminalClient _http;
    private readonly Channel<Receipt> _receipts = Channel.CreateUnbounded<Receipt>(
        new UnboundedChannelOptions { SingleWriter = false, SingleReader = false, AllowSynchronousContinuations = false });

    private readonly ConcurrentDictionary<string, RtpStream> _streams = new(StringComparer.Ordinal);
    private RtpPacer? _pacer;
    private RtpSockets? _sockets;
    private HeartbeatListener? _listener;
    private CancellationTokenSource? _running;
    private Task? _polling;

    /// <summary>Creates the adapter; nothing is opened until <see cref="StartAsync"/>.</summary>
    /// <param name="name">The network's name; the adapter is called <c>ip-speaker:</c> + name.</param>
    /// <param name="options">Validated options (see <see cref="IpSpeakerOptionsValidator"/>).</param>
    /// <param name="time">The clock for pacing, offline detection and receipts.</param>
    /// <param name="loggerFactory">Logging.</param>
    public IpSpeakerChannel(string name, IpSpeakerOptions options, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<IpSpeakerChannel>();
        _book = new TerminalBook(_time, options.OfflineAfter);
        _confirmations = new PlayConfirmations(_time, receipt => _receipts.Writer.TryWrite(receipt));
        _http = new HttpTerminalClient(options);
        Definition = IpSpeakerDefinition.Create(name, options);
    }

    /// <summary>The network's name as registered (without the <c>ip-speaker:</c> prefix).</summary>
    public string Name { get; }

    /// <inheritdoc />
    public ChannelDefinition Definition { get; }

    /// <inheritdoc />
    public ChannelReader<Receipt> Receipts => _receipts.Reader;

    /// <inheritdoc />
    public IReadOnlyList<TerminalStatus> Terminals => _book.Snapshot();

    /// <summary>Where terminals send heartbeats; null until started.</summary>
    public IPEndPoint? HeartbeatEndpoint => _listener?.Endpoint;

    /// <summary>RTP streams playing now.</summary>
    public int ActiveStreams => _pacer?.Active ?? 0;

    /// <summary>RTP packets sent since start.</summary>
    public long PacketsSent => _pacer?.Packets ?? 0;

    /// <summary>
    /// How late RTP packets left against their deadline, at the given quantile (0.99 for p99), to 0.25 ms: the
    /// sender's share of the jitter terminals see. Zero before any packet.
    /// </summary>
    public TimeSpan PacingLateness(double quantile) => _pacer?.Lateness.Quantile(quantile) ?? TimeSpan.Zero;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_running is not null)
        {
            return Task.CompletedTask;
        }

        var local = IPAddress.Parse(_options.LocalAddress);
        _listener = new HeartbeatListener(new IPEndPoint(local, _options.HeartbeatPort), _options, OnReport, _logger);
        _sockets = new RtpSockets(local, _options.MulticastInterface is null ? null : IPAddress.Parse(_options.MulticastInterface));
        _pacer = new RtpPacer(_time);
        _pacer.Start();
        var running = new CancellationTokenSource();
        _running = running;
        _polling = Task.Run(() => PollHttpTerminalsAsync(running.Token), CancellationToken.None);
        _logger.LogInformation("IP speaker network {Name}: heartbeats on {Endpoint}", Name, _listener.Endpoint);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var running = Interlocked.Exchange(ref _running, null);
        if (running is null)
        {
            return;
        }

        await running.CancelAsync().ConfigureAwait(false);
        if (_polling is not null)
        {
            await _polling.ConfigureAwait(false);
        }

        if (_pacer is not null)
        {
            await _pacer.DisposeAsync().ConfigureAwait(false);
        }

        if (_listener is not null)
        {
            await _listener.DisposeAsync().ConfigureAwait(false);
        }

        _sockets?.Dispose();
        running.Dispose();
    }

    /// <summary>Stops (aborting streams in flight) and ends <see cref="Receipts"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _receipts.Writer.TryComplete();
        _http.Dispose();
    }

    /// <inheritdoc />
    public async ValueTask<DeliveryResult> BroadcastAsync(AudioMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var address = TerminalAddress.Parse(message.Address, _options, out var problem);
        if (address is null)
        {
            return DeliveryResult.Permanent("ADDRESS", problem);
        }

        if (Volatile.Read(ref _running) is null || _pacer is null || _sockets is null)
        {
            return DeliveryResult.Temporary(null, "The IP speaker network is not started.");
        }

        return address.Kind == TerminalKind.Http
            ? await BroadcastHttpAsync(message, address, cancellationToken).ConfigureAwait(false)
            : await BroadcastRtpAsync(message, address, _pacer, _sockets, cancellationToken).ConfigureAwait(false);
    }
}
