using WarningHub.Abstractions;

namespace WarningHub.Channels.WeChat;

/// <summary>
/// Whom a robot's message @-mentions: the robot's own configured list (<see cref="WeComRobotOptions.Mentions"/>) first,
/// then the mobiles the message carries in <see cref="MessageFields.MentionedMobiles"/>, in order, without duplicates.
/// The channel knows its groups, so the officers to call are configuration here, not the engine's computation; the
/// message's list is still honoured for senders that name them per warning.
/// </summary>
internal static class RobotMentions
{
    public const string Everyone = "@all";

    private static readonly char[] Separators = [',', '，', ';', '；', ' ', '\t', '\n', '\r'];

    /// <summary>A mobile number (5 to 20 digits, optionally after +) or <c>@all</c>.</summary>
    public static bool IsMention(string? entry) =>
        entry == Everyone
        || (entry is { Length: >= 5 and <= 20 } && (entry[0] == '+' ? entry.AsSpan(1) : entry.AsSpan()).IndexOfAnyExceptInRange('0', '9') < 0);

    /// <summary>The mentions of one message, and the entries of the message's field that are not mentions (to report).</summary>
    public static (List<string> Mentioned, List<string> Dropped) Of(IReadOnlyList<string> configured, IReadOnlyDictionary<string, string> fields)
    {
        var mentioned = new List<string>();
        var dropped = new List<string>();
        fields.TryGetValue(MessageFields.MentionedMobiles, out var raw);
        var fromMessage = raw?.Split(Separators, StringSplitOptions.RemoveEmptyEntries) ?? [];
        foreach (var entry in configured.Concat(fromMessage))
        {
            if (!IsMention(entry))
            {
                dropped.Add(entry);
            }
            else if (!mentioned.Contains(entry, StringComparer.Ordinal))
            {
                mentioned.Add(entry);
            }
        }

        return (mentioned, dropped);
    }
}
