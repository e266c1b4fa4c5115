using System.IO.Ports;
using Microsoft.Extensions.Options;
using WarningHub.Channels.Loudspeaker.Serial.Addressing;
using WarningHub.Channels.Loudspeaker.Serial.Tts;

namespace WarningHub.Channels.Loudspeaker.Serial;

/// <summary>
/// Checks <see cref="SerialSpeakerOptions"/> at start-up and reports every problem at once, naming each property
/// (per port as <c>Ports[name].Property</c>). Device paths are not checked for existence: a missing device is a
/// temporary failure at send time (someone may plug it in), not a reason to refuse to start.
/// </summary>
public sealed class SerialSpeakerOptionsValidator : IValidateOptions<SerialSpeakerOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SerialSpeakerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Fail(string property, string problem) => failures.Add($"Serial loudspeaker channel '{name}': {property} {problem}");

        if (!options.Ports.Values.Any(p => p is { Kind: SerialPortKind.TtsModule }))
        {
            Fail(nameof(options.Ports), "must list at least one port of kind TtsModule.");
        }

        foreach (var (portName, port) in options.Ports)
        {
            CheckPort(options, portName, port, (property, problem) => Fail($"{nameof(options.Ports)}[{portName}].{property}", problem));
        }

        foreach (var group in options.Ports.Where(p => !string.IsNullOrWhiteSpace(p.Value?.Path)).GroupBy(p => p.Value.Path, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            Fail(nameof(options.Ports), $"name one device under several names ({string.Join(", ", group.Select(p => p.Key))}); use one port, Shared if needed.");
        }

        CheckPositive(options.ResponseTimeout, nameof(options.ResponseTimeout), Fail);
        CheckPositive(options.IdlePollInterval, nameof(options.IdlePollInterval), Fail);
        CheckPositive(options.BusyWaitTimeout, nameof(options.BusyWaitTimeout), Fail);
        CheckPositive(options.MaxSegmentDuration, nameof(options.MaxSegmentDuration), Fail);
        CheckRange(options.Retries, 0, 10, nameof(options.Retries), Fail);
        CheckRange(options.OfflineAfterMissed, 1, 1000, nameof(options.OfflineAfterMissed), Fail);
        if (options.PortWaitTimeout < TimeSpan.Zero)
        {
            Fail(nameof(options.PortWaitTimeout), "must not be negative.");
        }

        if (options.RepeatPause < TimeSpan.Zero)
        {
            Fail(nameof(options.RepeatPause), "must not be negative.");
        }

        if (options.StatusInterval < TimeSpan.Zero)
        {
            Fail(nameof(options.StatusInterval), "must not be negative (zero turns the monitor off).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckPort(SerialSpeakerOptions options, string portName, SerialPortSettings? port, Action<string, string> fail)
    {
        if (!SerialAddress.IsPortName(portName))
        {
            fail("", "has a name that addresses cannot carry (letters, digits, '.', '_', '-', at most 64).");
        }

        if (port is null)
        {
            fail(nameof(port.Path), "is required.");
            return;
        }

        if (string.IsNullOrWhiteSpace(port.Path))
        {
            fail(nameof(port.Path), "is required.");
        }

        CheckRange(port.BaudRate, 50, 4_000_000, nameof(port.BaudRate), fail);
        CheckRange(port.DataBits, 5, 8, nameof(port.DataBits), fail);
        CheckDefined(port.Parity, nameof(port.Parity), fail);
        CheckDefined(port.Kind, nameof(port.Kind), fail);
        if (!Enum.IsDefined(port.StopBits) || port.StopBits == StopBits.None)
        {
            fail(nameof(port.StopBits), "must be One, OnePointFive or Two.");
        }

        if (port.Kind == SerialPortKind.TtsModule)
        {
            CheckTtsPort(options, port, fail);
        }
        else if (port.Kind == SerialPortKind.ModbusRelays)
        {
            var users = options.Ports.Values.Count(p => p?.Kind == SerialPortKind.TtsModule && string.Equals(p.RelayPort, portName, StringComparison.Ordinal));
            if (users > 1 && !port.Shared)
            {
                fail(nameof(port.Shared), $"must be true: {users} TTS ports use this relay bus.");
            }

            if (port.RelayPort is not null || port.AmplifierCoil is not null || port.RelaySlave is not null)
            {
                fail(nameof(port.RelayPort), "and the other relay settings belong to TTS ports, not to the relay bus.");
            }
        }
    }

    private static void CheckTtsPort(SerialSpeakerOptions options, SerialPortSettings port, Action<string, string> fail)
    {
        CheckDefined(port.Profile, nameof(port.Profile), fail);
        CheckDefined(port.Encoding, nameof(port.Encoding), fail);
        CheckRange(port.Repetitions, 1, 10, nameof(port.Repetitions), fail);
        if (Enum.IsDefined(port.Profile))
        {
            var rules = TtsProfileRules.For(port.Profile);
            if (port.MaxTextBytes is { } max && (max < 4 || max > rules.MaxTextBytes))
            {
                fail(nameof(port.MaxTextBytes), $"must be between 4 and {rules.MaxTextBytes} for {port.Profile}.");
            }

            CheckRange(port.BackgroundMusic, 0, rules.BackgroundMusic ? 15 : 0, nameof(port.BackgroundMusic), fail);
        }

        if (port.RelayPort is { } relayPort
            && (!options.Ports.TryGetValue(relayPort, out var bus) || bus?.Kind != SerialPortKind.ModbusRelays))
        {
            fail(nameof(port.RelayPort), $"must name a port of kind {nameof(SerialPortKind.ModbusRelays)}; '{relayPort}' is not one.");
        }

        if (port.RelaySlave is { } slave)
        {
            CheckRange(slave, 1, 247, nameof(port.RelaySlave), fail);
        }

        if (port.AmplifierCoil is { } coil)
        {
            CheckRange(coil, 0, ushort.MaxValue, nameof(port.AmplifierCoil), fail);
        }

        if ((port.RelaySlave is not null || port.AmplifierCoil is not null) && port.RelayPort is null)
        {
            fail(nameof(port.RelayPort), $"is required when {nameof(port.RelaySlave)} or {nameof(port.AmplifierCoil)} is set.");
        }

        if (port.AmplifierCoil is not null && port.RelaySlave is null)
        {
            fail(nameof(port.RelaySlave), $"is required when {nameof(port.AmplifierCoil)} is set (it names the amplifier's slave).");
        }
    }

    private static void CheckDefined<T>(T value, string property, Action<string, string> fail)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            fail(property, $"must be one of {string.Join(", ", Enum.GetNames<T>())}.");
        }
    }

    private static void CheckRange(int value, int min, int max, string property, Action<string, string> fail)
    {
        if (value < min || value > max)
        {
            fail(property, $"must be between {min} and {max}.");
        }
    }

    private static void CheckPositive(TimeSpan value, string property, Action<string, string> fail)
    {
        if (value <= TimeSpan.Zero)
        {
            fail(property, "must be positive.");
        }
    }
}
