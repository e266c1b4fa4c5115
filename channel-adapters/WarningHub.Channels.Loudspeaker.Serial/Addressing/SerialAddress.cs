using System.Globalization;

namespace WarningHub.Channels.Loudspeaker.Serial.Addressing;

/// <summary>
/// A serial terminal's address as the registry holds it:
/// <list type="bullet">
/// <item><c>serial:&lt;port&gt;</c>: the TTS module on the configured port, no relay;</item>
/// <item><c>serial:&lt;port&gt;#&lt;slave&gt;/&lt;coil&gt;</c>: that module, speaking through the relay zone switched by
/// coil <c>coil</c> (0-65535) of Modbus slave <c>slave</c> (1-247) on the port's relay bus;</item>
/// <item><c>serial:&lt;port&gt;#&lt;coil&gt;</c>: the same with the slave from the port's <c>RelaySlave</c> setting.</item>
/// </list>
/// Port names are configuration keys (letters, digits, '.', '_', '-'), never device paths.
/// </summary>
internal sealed record SerialAddress(string Port, int? Slave, int? Coil)
{
    public const string Scheme = "serial:";

    public bool HasZone => Coil.HasValue;

    /// <summary>The address of the terminal's module alone, as the monitor reports it.</summary>
    public string ModuleAddress => Scheme + Port;

    public static bool TryParse(string? address, out SerialAddress? parsed, out string problem)
    {
        parsed = null;
        problem = string.Empty;
        if (address is null || !address.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            problem = "does not start with 'serial:'";
            return false;
        }

        var rest = address[Scheme.Length..];
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        var port = hash < 0 ? rest : rest[..hash];
        if (!IsPortName(port))
        {
            problem = "has no valid port name (letters, digits, '.', '_', '-')";
            return false;
        }

        if (hash < 0)
        {
            parsed = new SerialAddress(port, null, null);
            return true;
        }

        var zone = rest[(hash + 1)..];
        var slash = zone.IndexOf('/', StringComparison.Ordinal);
        int? slave = null;
        if (slash >= 0)
        {
            if (!TryNumber(zone[..slash], 1, 247, out var s))
            {
                problem = "has a Modbus slave outside 1-247";
                return false;
            }

            slave = s;
            zone = zone[(slash + 1)..];
        }

        if (!TryNumber(zone, 0, ushort.MaxValue, out var coil))
        {
            problem = "has a coil outside 0-65535";
            return false;
        }

        parsed = new SerialAddress(port, slave, coil);
        return true;
    }

    public static bool IsPortName(string? name) =>
        !string.IsNullOrEmpty(name) && name.Length <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    public override string ToString() => Coil is null
        ? ModuleAddress
        : string.Create(CultureInfo.InvariantCulture, $"{ModuleAddress}#{(Slave is { } s ? $"{s}/" : string.Empty)}{Coil}");

    private static bool TryNumber(string text, int min, int max, out int value)
    {
        value = 0;
        return text.Length is > 0 and <= 5 && text.All(char.IsAsciiDigit)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value)
            && value >= min && value <= max;
    }
}
