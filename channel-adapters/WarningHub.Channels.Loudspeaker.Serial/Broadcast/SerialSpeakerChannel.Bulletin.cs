using System.Globalization;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Serial.Addressing;
using WarningHub.Channels.Loudspeaker.Serial.Broadcast;
using WarningHub.Channels.Loudspeaker.Serial.Tts;
using WarningHub.Channels.Loudspeaker.Serial.Transport;

namespace WarningHub.Channels.Loudspeaker.Serial;

/// <summary>
/// One bulletin: wait for the module to be idle → relays on (amplifier, then zone) → each synthesis frame after the
/// module fell idle from the one before, the whole script <see cref="SerialPortSettings.Repetitions"/> times → relays
/// off (zone, then amplifier) → a play confirmation. The table of outcomes is in README.md.
/// </summary>
public sealed partial class SerialSpeakerChannel
{
    /// <inheritdoc />
    public async ValueTask<DeliveryResult> BroadcastAsync(AudioMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        if (!SerialAddress.TryParse(message.Address, out var address, out var problem))
        {
            return DeliveryResult.Permanent(ResultCodes.Address, $"The address {problem}.");
        }

        if (!_terminals.TryGetValue(address!.Port, out var terminal))
        {
            return DeliveryResult.Permanent(ResultCodes.Address, $"No TTS port named '{address.Port}' is configured.");
        }

        var (zone, zoneProblem) = ResolveZone(terminal, address);
        if (zoneProblem is not null)
        {
            return DeliveryResult.Permanent(ResultCodes.Address, zoneProblem);
        }

        var script = message.Text?.Trim() ?? string.Empty;
        if (script.Length == 0)
        {
            return DeliveryResult.Permanent(ResultCodes.EmptyText, "The script is empty; serial terminals speak the text, not the clip.");
        }

        if (script.Length > MaxScriptCharacters)
        {
            return DeliveryResult.Permanent(ResultCodes.TextTooLong, $"The script has {script.Length} characters; at most {MaxScriptCharacters} are spoken.");
        }

        if (terminal.Codec.FindUnencodable(script) is { } unencodable)
        {
            return DeliveryResult.Permanent(ResultCodes.Encoding, $"The module cannot speak this script: {unencodable}.");
        }

        var frames = terminal.Frames(script);
        // A port that is not shared still waits out a status query of the monitor (one try, bounded by the response
        // timeout); only a gate held longer than that means another bulletin.
        var wait = terminal.Slot.Settings.Shared ? _options.PortWaitTimeout : _options.ResponseTimeout * 2;
        if (!await Gate.TryEnterAsync(terminal.Slot.Gate, wait, _time, cancellationToken))
        {
            return DeliveryResult.Temporary(ResultCodes.PortBusy,
                $"Serial port '{terminal.Slot.Name}' is playing another bulletin" + (terminal.Slot.Settings.Shared ? " and stayed busy." : " and is not shared."));
        }

        try
        {
            return await PlayAsync(terminal, zone, frames, cancellationToken);
        }
        finally
        {
            terminal.Slot.Gate.Release();
        }
    }

    private static (RelayZone? Zone, string? Problem) ResolveZone(TtsTerminal terminal, SerialAddress address)
    {
        if (!address.HasZone)
        {
            return (null, null);
        }

        var settings = terminal.Slot.Settings;
        if (terminal.RelayBus is null)
        {
            return (null, $"Serial port '{terminal.Slot.Name}' has no {nameof(SerialPortSettings.RelayPort)} for zone addresses.");
        }

        if ((address.Slave ?? settings.RelaySlave) is not { } slave)
        {
            return (null, $"The address names no Modbus slave and port '{terminal.Slot.Name}' has no {nameof(SerialPortSettings.RelaySlave)}.");
        }

        var amplifierSlave = settings.RelaySlave ?? slave;
        return (new RelayZone((byte)slave, (ushort)address.Coil!.Value, (byte)amplifierSlave, (ushort?)settings.AmplifierCoil), null);
    }

    private async Task<DeliveryResult> PlayAsync(TtsTerminal terminal, RelayZone? zone, IReadOnlyList<byte[]> frames, CancellationToken cancellationToken)
    {
        TtsModuleClient module;
        try
        {
            module = new TtsModuleClient(terminal.Slot.Line(), _options, terminal.Checksum, _time);
        }
        catch (SerialLineException e)
        {
            _logger.LogWarning(e, "Serial port {Port} is unavailable", terminal.Slot.Name);
            Record(terminal, ModuleState.NoAnswer);
            return DeliveryResult.Temporary(ResultCodes.PortMissing, e.Message);
        }

        var progress = new Progress(frames.Count * terminal.Slot.Settings.Repetitions);
        var switchedOn = new List<(byte Slave, ushort Coil)>();
        try
        {
            var ready = await module.WaitForIdleAsync(_options.BusyWaitTimeout, cancellationToken);
            if (ready != ModuleState.Idle)
            {
                Record(terminal, ready);
                return ModuleFailure(ready, progress, "before the bulletin");
            }

            Record(terminal, ModuleState.Idle);
            if (zone is not null && await SwitchOnAsync(terminal, zone, switchedOn, cancellationToken) is { } relayFailure)
            {
                return relayFailure;
            }

            Record(terminal, ModuleState.Busy);
            for (var round = 0; round < terminal.Slot.Settings.Repetitions; round++)
            {
                if (round > 0)
                {
                    await Task.Delay(_options.RepeatPause, _time, cancellationToken);
                }

                foreach (var frame in frames)
                {
                    if (await SpeakAsync(module, frame, progress, cancellationToken) is { } failure)
                    {
                        Record(terminal, progress.LastState);
                        return failure;
                    }
                }
            }

            Record(terminal, ModuleState.Idle);
            return Played(terminal);
        }
        catch (SerialLineException e)
        {
            _logger.LogWarning(e, "Serial port {Port} failed during a bulletin", terminal.Slot.Name);
            Record(terminal, ModuleState.NoAnswer);
            return progress.Spoken == 0
                ? DeliveryResult.Temporary(ResultCodes.PortMissing, e.Message)
                : DeliveryResult.Unknown($"{progress.Describe()}; then the port failed: {e.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && progress.Sent)
        {
            await StopSpeechAsync(module, terminal);
            return DeliveryResult.Unknown($"Cancelled: {progress.Describe()}; speech was stopped.") with { ErrorCode = ResultCodes.Cancelled };
        }
        finally
        {
            await SwitchOffAsync(terminal, switchedOn);
        }
    }

    /// <returns>Null when the frame was spoken to the end; else the bulletin's result.</returns>
    private async Task<DeliveryResult?> SpeakAsync(TtsModuleClient module, byte[] frame, Progress progress, CancellationToken cancellationToken)
    {
        var handOver = await module.HandOverAsync(frame, progress.MarkSent, cancellationToken);
        for (var round = 0; handOver == SegmentHandOver.Busy && round < _options.Retries; round++)
        {
            // Something else made the module speak between the idle answer and our frame: let it finish, then resend.
            var state = await module.WaitForIdleAsync(_options.BusyWaitTimeout, cancellationToken);
            if (state != ModuleState.Idle)
            {
                progress.LastState = state;
                return ModuleFailure(state, progress, "while waiting to hand over a frame");
            }

            handOver = await module.HandOverAsync(frame, progress.MarkSent, cancellationToken);
        }

        if (handOver != SegmentHandOver.Accepted)
        {
            progress.LastState = handOver switch
            {
                SegmentHandOver.Busy => ModuleState.Busy,
                SegmentHandOver.Rejected => ModuleState.BadAnswer,
                _ => ModuleState.NoAnswer,
            };
            return ModuleFailure(progress.LastState, progress, "handing over a frame");
        }

        progress.Spoken++;
        var after = await module.WaitForIdleAsync(_options.MaxSegmentDuration, cancellationToken);
        if (after == ModuleState.Idle)
        {
            return null;
        }

        progress.LastState = after;
        return ModuleFailure(after, progress, "while speaking");
    }

    private static DeliveryResult ModuleFailure(ModuleState state, Progress progress, string when)
    {
        var (code, what) = state switch
        {
            ModuleState.Busy => (ResultCodes.ModuleBusy, "the module stayed busy too long"),
            ModuleState.BadAnswer => (ResultCodes.BadFrame, "the module answered with a bad-frame or unexpected byte"),
            _ => (ResultCodes.NoAnswer, "the module did not answer"),
        };

        // Once a frame was accepted, part of the script was heard: a resend repeats it, which the engine must know.
        return progress.Spoken == 0
            ? DeliveryResult.Temporary(code, $"{Capitalise(what)} {when}.")
            : DeliveryResult.Unknown($"{progress.Describe()}; then {what} {when}.") with { ErrorCode = code };
    }

    private DeliveryResult Played(TtsTerminal terminal)
    {
        var at = _time.GetUtcNow();
        var id = string.Create(CultureInfo.InvariantCulture,
            $"{terminal.Slot.Name}-{at.ToUnixTimeMilliseconds()}-{Interlocked.Increment(ref _sequence)}");
        _receipts.Writer.TryWrite(new Receipt(id, DeliveryStatus.Delivered, ResultCodes.Played, at));
        return DeliveryResult.Accepted([id]);
    }

    private async Task StopSpeechAsync(TtsModuleClient module, TtsTerminal terminal)
    {
        try
        {
            using var timeout = new CancellationTokenSource(_options.ResponseTimeout * 2, _time);
            await module.StopAsync(timeout.Token);
        }
        catch (Exception e) when (e is SerialLineException or OperationCanceledException)
        {
            _logger.LogWarning(e, "Could not stop speech on serial port {Port}", terminal.Slot.Name);
        }
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>How far a bulletin got: synthesis frames accepted by the module, over all repetitions.</summary>
    private sealed class Progress(int total)
    {
        public int Spoken { get; set; }

        /// <summary>A synthesis frame has left, so the module may be speaking even before its answer was read.</summary>
        public bool Sent { get; private set; }

        public ModuleState LastState { get; set; } = ModuleState.NoAnswer;

        public void MarkSent() => Sent = true;

        public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Spoken} of {total} frames were spoken")
            + (Spoken == 0 && Sent ? " (the first had been sent)" : string.Empty);
    }
}
