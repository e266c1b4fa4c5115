using System.Globalization;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Serial.Broadcast;
using WarningHub.Channels.Loudspeaker.Serial.Modbus;
using WarningHub.Channels.Loudspeaker.Serial.Transport;

namespace WarningHub.Channels.Loudspeaker.Serial;

/// <summary>
/// Relays for a bulletin over Modbus RTU: each coil switched with function 05 (the echo checked) and, if
/// <see cref="SerialSpeakerOptions.VerifyRelays"/>, read back with function 01. The relay bus's gate is taken per
/// request, after the TTS port's gate, never the other way round.
/// </summary>
public sealed partial class SerialSpeakerChannel
{
    /// <returns>Null when every coil is on; else the bulletin's result (nothing was spoken yet).</returns>
    private async Task<DeliveryResult?> SwitchOnAsync(TtsTerminal terminal, RelayZone zone, List<(byte Slave, ushort Coil)> switchedOn, CancellationToken cancellationToken)
    {
        foreach (var (slave, coil) in zone.SwitchOnOrder)
        {
            var outcome = await OnRelayBusAsync(terminal, master => Switch(master, slave, coil, on: true, cancellationToken), cancellationToken);
            if (!outcome.IsOk)
            {
                var where = string.Create(CultureInfo.InvariantCulture, $"Relay {slave}/{coil} on port '{terminal.RelayBus!.Name}' did not switch on: {outcome.Describe()}.");
                _logger.LogWarning("{Problem}", where);
                return outcome.Kind == ModbusOutcomeKind.Exception && ModbusFunction.IsPermanent(outcome.ExceptionCode)
                    ? DeliveryResult.Permanent(string.Create(CultureInfo.InvariantCulture, $"{ResultCodes.Relay}_0x{outcome.ExceptionCode:X2}"), where)
                    : DeliveryResult.Temporary(ResultCodes.Relay, where);
            }

            switchedOn.Add((slave, coil));
        }

        return null;
    }

    /// <summary>Switches off, in reverse order, every coil a bulletin switched on. Failures are logged, not returned:
    /// the bulletin was heard either way, and a relay left on is an alarm for the operator, not a reason to resend.</summary>
    private async Task SwitchOffAsync(TtsTerminal terminal, List<(byte Slave, ushort Coil)> switchedOn)
    {
        for (var i = switchedOn.Count - 1; i >= 0; i--)
        {
            var (slave, coil) = switchedOn[i];

            // Not the caller's token: a cancelled bulletin must still switch its amplifier off. Every request is
            // bounded by the response timeout and retries, and the gate wait by PortWaitTimeout.
            var outcome = await OnRelayBusAsync(terminal, master => Switch(master, slave, coil, on: false, CancellationToken.None), CancellationToken.None);

            if (!outcome.IsOk)
            {
                _logger.LogError("Relay {Slave}/{Coil} on port {Port} may still be on: {Outcome}", slave, coil, terminal.RelayBus!.Name, outcome.Describe());
            }
        }
    }

    private async ValueTask<ModbusOutcome> Switch(ModbusMaster master, byte slave, ushort coil, bool on, CancellationToken cancellationToken)
    {
        var written = await master.WriteCoilAsync(slave, coil, on, cancellationToken);
        if (!written.IsOk || !_options.VerifyRelays)
        {
            return written;
        }

        var (read, values) = await master.ReadCoilsAsync(slave, coil, 1, cancellationToken);
        return !read.IsOk ? read
            : values[0] == on ? written
            : new ModbusOutcome(ModbusOutcomeKind.BadResponse, 0, []);
    }

    private async ValueTask<ModbusOutcome> OnRelayBusAsync(TtsTerminal terminal, Func<ModbusMaster, ValueTask<ModbusOutcome>> request, CancellationToken cancellationToken)
    {
        var bus = terminal.RelayBus!;
        if (!await Gate.TryEnterAsync(bus.Gate, _options.PortWaitTimeout, _time, cancellationToken))
        {
            return new ModbusOutcome(ModbusOutcomeKind.NoAnswer, 0, []);
        }

        try
        {
            return await request(new ModbusMaster(bus.Line(), _options));
        }
        catch (SerialLineException e)
        {
            _logger.LogWarning(e, "Relay bus {Port} is unavailable", bus.Name);
            return new ModbusOutcome(ModbusOutcomeKind.NoAnswer, 0, []);
        }
        finally
        {
            bus.Gate.Release();
        }
    }
}
