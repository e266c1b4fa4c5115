namespace WarningHub.Core.Planning.Policy;

/// <summary>A rule's repeats of the loudspeaker bulletin.</summary>
/// <param name="Every">The time between two broadcasts.</param>
/// <param name="Count">How many repeats after the first broadcast; null: until the warning ends.</param>
public sealed record PolicyRepeat(TimeSpan Every, int? Count);

/// <summary>What the release policy says for one warning's event and level (the rule that matched).</summary>
/// <param name="Rule">Where the rule is, for messages: <c>rules[3] (暴雨, Red)</c>.</param>
/// <param name="Audiences">The audiences addressed (<see cref="Policy.Audiences"/>).</param>
/// <param name="Channels">The ledger channels the rule allows (the audiences' channels, narrowed by the rule's own list).</param>
/// <param name="Repeat">The repeats; null: the engine's <c>RepeatEvery</c> setting for the level decides.</param>
/// <param name="NoRepeats">True when the rule says the bulletin is broadcast once.</param>
/// <param name="Acknowledge">Whether officers are called (叫应); null: the <c>Acknowledgements</c> settings decide.</param>
/// <param name="DoorToDoor">Whether the door-to-door cadres of the area get their page's link; null: the <c>DoorToDoor</c> settings decide.</param>
public sealed record PolicyDecision(
    string Rule,
    IReadOnlySet<string> Audiences,
    IReadOnlySet<string> Channels,
    PolicyRepeat? Repeat,
    bool NoRepeats,
    bool? Acknowledge,
    bool? DoorToDoor)
{
    /// <summary>True when the public is addressed; without it, officers get the SMS instead of persons.</summary>
    public bool IncludesPublic => Audiences.Contains(Policy.Audiences.Public);

    /// <summary>Whether <paramref name="channel"/> may carry the warning.</summary>
    /// <param name="channel">A ledger channel name.</param>
    public bool Allows(string channel) => Channels.Contains(channel);
}
