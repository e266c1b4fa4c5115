using System.Globalization;
using System.Net;
using System.Net.Sockets;
using WarningHub.Core.Planning;

namespace WarningHub.Core.Registry;

/// <summary>
/// Checks a loudspeaker terminal's address against the grammar its channel's adapter parses, so an import
/// refuses an address the adapter would refuse at send time, when a warning is waiting. Core cannot see the
/// adapters, so the grammar is restated here: the IP adapter's TerminalAddress and the serial adapter's
/// SerialAddress are the originals and win if the two ever differ (settings-dependent checks, such as
/// clip=url needing a ClipBaseUrl, are left to the adapter).
/// </summary>
public static class TerminalAddressSyntax
{
    /// <summary>The channels a terminal can be played by.</summary>
    public static IReadOnlyList<string> TerminalChannels { get; } = [Channels.LoudspeakerIp, Channels.LoudspeakerSerial];

    /// <summary>The canonical channel name for <paramref name="text"/> (any case), or null when no terminal channel has it.</summary>
    public static string? Channel(string? text) =>
        TerminalChannels.FirstOrDefault(c => c.Equals(text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Why <paramref name="address"/> is not an address of <paramref name="channel"/>, or null when it is. The reason
    /// reads after the address: "'rtp://10.1.2.3' needs an explicit port for RTP".
    /// </summary>
    public static string? Problem(string channel, string address) => channel switch
    {
        Channels.LoudspeakerIp => IpProblem(address),
        Channels.LoudspeakerSerial => SerialProblem(address),
        _ => $"has a channel '{channel}' that does not play terminals (expected {string.Join(" or ", TerminalChannels)})",
    };

    private static string? IpProblem(string address)
    {
        if (string.IsNullOrWhiteSpace(address) || !Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri))
        {
            return "is not a URI (rtp://host:port, rtp-multicast://group:port or http://host:port/path)";
        }

        var query = QueryPairs(uri.Query);
        switch (uri.Scheme.ToLowerInvariant())
        {
            case "rtp" or "rtp-multicast":
                var multicast = uri.Scheme.Equals("rtp-multicast", StringComparison.OrdinalIgnoreCase);
                if (!IPAddress.TryParse(uri.Host, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork)
                {
                    return "needs an IPv4 address as host for RTP (names are not resolved)";
                }

                if (ip.GetAddressBytes()[0] is >= 224 and <= 239 != multicast)
                {
                    return multicast
                        ? "needs a multicast group (224.0.0.0 to 239.255.255.255) for rtp-multicast://"
                        : "is a multicast group: use rtp-multicast:// for groups, rtp:// for one terminal";
                }

                if (uri.Port is < 1 or > 65535 || uri.IsDefaultPort)
                {
                    return "needs an explicit port for RTP";
                }

                foreach (var (key, value) in query)
                {
                    var known = key switch
                    {
                        "pt" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) && pt is 0 or 8,
                        "ttl" => multicast && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var ttl) && ttl <= 255,
                        _ => false,
                    };
                    if (!known)
                    {
                        return $"has a query '{key}={value}' that is not understood (pt=0|8{(multicast ? ", ttl=0..255" : string.Empty)})";
                    }
                }

                return null;
            case "http" or "https":
                foreach (var (key, value) in query)
                {
                    if (key != "clip" || !(value.Equals("upload", StringComparison.OrdinalIgnoreCase) || value.Equals("url", StringComparison.OrdinalIgnoreCase)))
                    {
                        return $"has a query '{key}={value}' that is not understood (clip=upload|url)";
                    }
                }

                return null;
            default:
                return $"has a scheme '{uri.Scheme}' that IP loudspeakers do not serve (rtp, rtp-multicast, http or https)";
        }
    }

    // serial:<port>, serial:<port>#<coil> or serial:<port>#<slave>/<coil>; port names are settings keys.
    private static string? SerialProblem(string address)
    {
        const string Scheme = "serial:";
        if (!address.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return "does not start with 'serial:' (serial:<port> or serial:<port>#<slave>/<coil>)";
        }

        var rest = address[Scheme.Length..];
        var hash = rest.IndexOf('#', StringComparison.Ordinal);
        var port = hash < 0 ? rest : rest[..hash];
        if (port.Length is 0 or > 64 || !port.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
        {
            return "has no valid port name (letters, digits, '.', '_', '-')";
        }

        if (hash < 0)
        {
            return null;
        }

        var zone = rest[(hash + 1)..];
        var slash = zone.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!InRange(zone[..slash], 1, 247))
            {
                return "has a Modbus slave outside 1-247";
            }

            zone = zone[(slash + 1)..];
        }

        return InRange(zone, 0, ushort.MaxValue) ? null : "has a coil outside 0-65535";
    }

    private static bool InRange(string text, int min, int max) =>
        text.Length is > 0 and <= 5 && text.All(char.IsAsciiDigit)
        && int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) is var value && value >= min && value <= max;

    private static List<(string Key, string Value)> QueryPairs(string query)
    {
        var pairs = new List<(string, string)>();
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            pairs.Add((Uri.UnescapeDataString(eq < 0 ? part : part[..eq]).ToLowerInvariant(),
                eq < 0 ? string.Empty : Uri.UnescapeDataString(part[(eq + 1)..])));
        }

        return pairs;
    }
}
