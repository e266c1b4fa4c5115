using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Serial.Broadcast;
using WarningHub.Channels.Loudspeaker.Serial.Transport;

namespace WarningHub.Channels.Loudspeaker.Serial;

/// <summary>
/// The serial loudspeaker adapter: TTS modules (SYN6288 / XFS5152 style frames) on configured serial ports, with
/// optional amplifier and zone relays switched over Modbus RTU. It speaks <see cref="AudioMessage.Text"/> itself
/// (the clip is unused), reports a play confirmation when the module falls idle after the script, and watches every
/// module with periodic status queries. Bulletins are in SerialSpeakerChannel.Bulletin.cs, relays in
/// SerialSpeakerChannel.Relays.cs, the monitor in SerialSpeakerChannel.Monitor.cs.
/// </summary>
public sealed partial class SerialSpeakerChannel : IAudioBroadcaster, ITerminalMonitor, IReceiptSource, IChannelLifecycle, IAsyncDisposable
{
    /// <summary>The ledger channel this adapter serves.</summary>
    public const string ChannelName = "loudspeakerSerial";

    /// <summary>The longest script accepted, in characters; longer ones fail permanently.</summary>
    public const int MaxScriptCharacters = 4000;

    private readonly SerialSpeakerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, SerialPortSlot> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TtsTerminal> _terminals = new(StringComparer.Ordinal);
    private readonly Channel<Receipt> _receipts = Channel.CreateUnbounded<Receipt>(
        new UnboundedChannelOptions { SingleWriter = false, SingleReader = false, AllowSynchronousContinuations = false });

    private long _sequence;
    private int _disposed;

    /// <summary>Creates the channel; no port is opened until a bulletin or the monitor needs it.</summary>
    /// <param name="name">The instance name; the adapter is called <c>serial-speaker:</c> + name.</param>
    /// <param name="options">Validated options (see <see cref="SerialSpeakerOptionsValidator"/>).</param>
    /// <param name="time">The clock for timeouts, polling and timestamps.</param>
    /// <param name="loggerFactory">Logging.</param>
    public SerialSpeakerChannel(string name, SerialSpeakerOptions options, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<SerialSpeakerChannel>();
        foreach (var (portName, settings) in options.Ports)
        {
            _slots[portName] = new SerialPortSlot(portName, settings, _time);
        }

        foreach (var slot in _slots.Values.Where(s => s.Settings.Kind == SerialPortKind.TtsModule))
        {
            var relayBus = slot.Settings.RelayPort is { } bus ? _slots.GetValueOrDefault(bus) : null;
            _terminals[slot.Name] = new TtsTerminal(slot, relayBus, options.OfflineAfterMissed);
        }

        Definition = new ChannelDefinition("serial-speaker:" + name, ChannelName, MaxScriptCharacters, SupportsReceipts: true, MaxInFlight: Math.Max(1, _terminals.Count))
        {
            Settings = new Dictionary<string, string>
            {
                [nameof(SerialSpeakerOptions.Ports)] = "ports by name: Path, Kind (TtsModule/ModbusRelays), BaudRate, Parity, DataBits, StopBits, Shared",
                [nameof(SerialPortSettings.Profile)] = "per TTS port: Syn6288 or Xfs5152",
                [nameof(SerialPortSettings.Encoding)] = "per TTS port: Gb2312, Gbk, Big5 or Utf16",
                [nameof(SerialPortSettings.Checksum)] = "per TTS port: XOR checksum (default from the profile)",
                [nameof(SerialPortSettings.Repetitions)] = "per TTS port: times the script is spoken",
                [nameof(SerialPortSettings.RelayPort)] = "per TTS port: Modbus port with its amplifier/zone relays",
                [nameof(SerialSpeakerOptions.ResponseTimeout)] = "time allowed for a frame's answer",
                [nameof(SerialSpeakerOptions.Retries)] = "resends of one frame after no answer or a bad frame",
                [nameof(SerialSpeakerOptions.StatusInterval)] = "time between status queries (0 = off)",
                [nameof(SerialSpeakerOptions.OfflineAfterMissed)] = "missed queries before a terminal is Offline",
            },
        };
    }

    /// <summary>The instance name as registered (without the <c>serial-speaker:</c> prefix).</summary>
    public string Name { get; }

    /// <inheritdoc />
    public ChannelDefinition Definition { get; }

    /// <inheritdoc />
    public ChannelReader<Receipt> Receipts => _receipts.Reader;

    /// <inheritdoc />
    /// <remarks>One entry per TTS port (<c>serial:&lt;port&gt;</c>) once it was queried or used; zones share their module's entry.</remarks>
    public IReadOnlyList<TerminalStatus> Terminals =>
        [.. _terminals.Values.Select(t => t.Health.Current).OfType<TerminalStatus>().OrderBy(s => s.Address, StringComparer.Ordinal)];

    /// <inheritdoc />
    /// <remarks>A zone (<c>serial:&lt;port&gt;#&lt;coil&gt;</c>) has its module's state: the module is what is queried.</remarks>
    public TerminalStatus? StatusOf(string address) =>
        Addressing.SerialAddress.TryParse(address, out var parsed, out _) && _terminals.TryGetValue(parsed!.Port, out var terminal)
            ? terminal.Health.Current
            : null;

    /// <summary>Stops the monitor, closes every port and ends <see cref="Receipts"/>. Safe to call more than once (the
    /// container disposes the instance once per interface it was registered under).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), _time))
        {
            await StopAsync(timeout.Token);
        }

        _receipts.Writer.TryComplete();
        foreach (var slot in _slots.Values)
        {
            slot.Dispose();
        }
    }
}
