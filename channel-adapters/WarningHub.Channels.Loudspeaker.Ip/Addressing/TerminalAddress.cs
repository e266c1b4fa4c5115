using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace WarningHub.Channels.Loudspeaker.Ip.Addressing;

/// <summary>
/// A parsed terminal address. <see cref="Key"/> is the canonical form (no query) under which the terminal's state,
/// heartbeats and play reports are filed: <c>rtp://10.1.2.3:5004</c>, <c>rtp-multicast://239.1.1.1:5004</c>,
/// <c>http://10.1.2.3:8080/speaker</c>.
/// </summary>
internal sealed record TerminalAddress(TerminalKind Kind, string Key, IPEndPoint? Endpoint, byte PayloadType, int Ttl, Uri? BaseUri, HttpClipDelivery ClipDelivery)
{
    public const string RtpScheme = "rtp";
    public const string MulticastScheme = "rtp-multicast";

    /// <summary>Parses an address; on failure <paramref name="problem"/> says why in words an operator can act on.</summary>
    public static TerminalAddress? Parse(string? address, IpSpeakerOptions defaults, out string problem)
    {
        problem = string.Empty;
        if (string.IsNullOrWhiteSpace(address) || !Uri.TryCreate(address.Trim(), UriKind.Absolute, out var uri))
        {
            problem = "The address is not a URI (rtp://host:port, rtp-multicast://group:port or http://host:port/path).";
            return null;
        }

        var query = ParseQuery(uri.Query);
        var scheme = uri.Scheme.ToLowerInvariant();
        return scheme switch
        {
            RtpScheme or MulticastScheme => ParseRtp(uri, scheme == MulticastScheme, query, defaults, out problem),
            "http" or "https" => ParseHttp(uri, query, defaults, out problem),
            _ => Fail($"The scheme '{uri.Scheme}' is not served by IP loudspeakers.", out problem),
        };
    }

    private static TerminalAddress? ParseRtp(Uri uri, bool multicast, Dictionary<string, string> query, IpSpeakerOptions defaults, out string problem)
    {
        if (!IPAddress.TryParse(uri.Host, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork)
        {
            return Fail("An RTP address needs an IPv4 address as host (names are not resolved).", out problem);
        }

        var isGroup = ip.GetAddressBytes()[0] is >= 224 and <= 239;
        if (isGroup != multicast)
        {
            return Fail(multicast ? "rtp-multicast:// needs a multicast group (224.0.0.0 to 239.255.255.255)." : "rtp:// needs a unicast address; use rtp-multicast:// for groups.", out problem);
        }

        if (uri.Port is < 1 or > 65535 || uri.IsDefaultPort)
        {
            return Fail("An RTP address needs an explicit port.", out problem);
        }

        var pt = defaults.DefaultPayloadType;
        var ttl = defaults.DefaultMulticastTtl;
        foreach (var (key, value) in query)
        {
            var ok = key switch
            {
                "pt" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out pt) && pt is 0 or 8,
                "ttl" => multicast && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out ttl) && ttl is >= 0 and <= 255,
                _ => false,
            };
            if (!ok)
            {
                return Fail($"The query '{key}={value}' is not understood (pt=0|8{(multicast ? ", ttl=0..255" : string.Empty)}).", out problem);
            }
        }

        var key2 = $"{(multicast ? MulticastScheme : RtpScheme)}://{ip}:{uri.Port.ToString(CultureInfo.InvariantCulture)}";
        problem = string.Empty;
        return new TerminalAddress(multicast ? TerminalKind.RtpMulticast : TerminalKind.RtpUnicast, key2, new IPEndPoint(ip, uri.Port), (byte)pt, ttl, null, defaults.HttpClipDelivery);
    }

    private static TerminalAddress? ParseHttp(Uri uri, Dictionary<string, string> query, IpSpeakerOptions defaults, out string problem)
    {
        var delivery = defaults.HttpClipDelivery;
        foreach (var (key, value) in query)
        {
            if (key != "clip" || !Enum.TryParse(value, ignoreCase: true, out delivery) || !Enum.IsDefined(delivery))
            {
                return Fail($"The query '{key}={value}' is not understood (clip=upload|url).", out problem);
            }
        }

        if (delivery == HttpClipDelivery.Url && string.IsNullOrEmpty(defaults.ClipBaseUrl))
        {
            return Fail("clip=url needs ClipBaseUrl in the channel's options.", out problem);
        }

        var key2 = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
        problem = string.Empty;
        return new TerminalAddress(TerminalKind.Http, key2, null, 0, 0, new Uri(key2 + "/"), delivery);
    }

    private static Dictionary<string, string> ParseQuery(string query)
    {
        var pairs = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            pairs[Uri.UnescapeDataString(eq < 0 ? part : part[..eq]).ToLowerInvariant()] = eq < 0 ? string.Empty : Uri.UnescapeDataString(part[(eq + 1)..]);
        }

        return pairs;
    }

    private static TerminalAddress? Fail(string why, out string problem)
    {
        problem = why;
        return null;
    }
}
