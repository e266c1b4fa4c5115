using System.Globalization;
using System.Net;
using System.Text.Json;
using WarningHub.Channels.Loudspeaker.Ip.Addressing;

namespace WarningHub.Channels.Loudspeaker.Ip.Terminals;

/// <summary>
/// The terminal → adapter UDP datagram (README.md, "Heartbeat datagram"): one UTF-8 JSON object per datagram, e.g.
/// <c>{"id":"JY-101-03","port":5004,"state":"normal","groups":["239.1.1.1:5004"]}</c> or, after a stream,
/// <c>{"id":"JY-101-03","port":5004,"state":"normal","playId":"1a2b3c4d","played":true}</c>.
/// The terminal's key is <c>rtp://{source IP}:{port}</c>, or its <c>address</c> field when present.
/// </summary>
internal static class HeartbeatDatagram
{
    public const int MaxLength = 1400;
    private const int MaxTextLength = 64;
    private const int MaxGroups = 32;

    /// <summary>Reads a datagram from <paramref name="source"/>; null (with the reason) when it is not one.</summary>
    public static TerminalReport? Parse(ReadOnlySpan<byte> datagram, IPAddress source, IpSpeakerOptions options, out string problem)
    {
        problem = "not a JSON object";
        if (datagram.Length is 0 or > MaxLength)
        {
            problem = "empty or longer than 1400 bytes";
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(datagram.ToArray(), new JsonDocumentOptions { MaxDepth = 4 });
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object ? Read(root, source, options, out problem) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TerminalReport? Read(JsonElement root, IPAddress source, IpSpeakerOptions options, out string problem)
    {
        var id = Text(root, "id");
        if (id is null or { Length: 0 or > MaxTextLength })
        {
            problem = "\"id\" must be a string of 1 to 64 characters";
            return null;
        }

        if (!TerminalStateWords.TryParse(Text(root, "state"), out var state))
        {
            problem = "\"state\" must be normal, stopped, fault, recovered or broadcasting";
            return null;
        }

        var key = KeyOf(root, source, options, out problem);
        if (key is null)
        {
            return null;
        }

        List<string>? groups = null;
        if (root.TryGetProperty("groups", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            groups = [];
            foreach (var item in list.EnumerateArray().Take(MaxGroups))
            {
                var text = item.ValueKind == JsonValueKind.String ? item.GetString()! : string.Empty;
                var group = TerminalAddress.Parse(text.Contains("://", StringComparison.Ordinal) ? text : $"{TerminalAddress.MulticastScheme}://{text}", options, out _);
                if (group?.Kind == TerminalKind.RtpMulticast)
                {
                    groups.Add(group.Key);
                }
            }
        }

        var playId = Text(root, "playId");
        bool? played = root.TryGetProperty("played", out var p) && p.ValueKind is JsonValueKind.True or JsonValueKind.False ? p.GetBoolean() : null;
        var reason = Text(root, "reason");
        problem = string.Empty;
        return new TerminalReport(id, key, state, groups, playId is { Length: > 0 and <= MaxTextLength } ? playId.ToLowerInvariant() : null, played, reason?[..Math.Min(reason.Length, 200)]);
    }

    private static string? KeyOf(JsonElement root, IPAddress source, IpSpeakerOptions options, out string problem)
    {
        problem = string.Empty;
        var address = Text(root, "address");
        if (address is not null)
        {
            var parsed = TerminalAddress.Parse(address, options, out problem);
            return parsed?.Kind == TerminalKind.RtpUnicast ? parsed.Key : null;
        }

        if (root.TryGetProperty("port", out var port) && port.TryGetInt32(out var number) && number is >= 1 and <= 65535)
        {
            var ip = source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source;
            return $"{TerminalAddress.RtpScheme}://{ip}:{number.ToString(CultureInfo.InvariantCulture)}";
        }

        problem = "\"port\" (1-65535) or \"address\" (rtp://ip:port) is required";
        return null;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
