namespace WarningHub.Core.Planning.Policy;

/// <summary>
/// Whom a release policy rule may address, each as a set of the registry's recipients and ledger channels:
/// <list type="bullet">
/// <item><see cref="Public"/>: every person of the area by SMS (persons.csv phones), WeChat followers, IP and serial loudspeakers;</item>
/// <item><see cref="Officers"/>: officers and responsible persons only: village broadcasters' SMS with the bulletin link, the
/// towns' WeCom robots, and, when the rule leaves the public out, an SMS to every officer of the area's villages, towns and
/// county (officers.csv) on the sms channel instead of the persons' phones;</item>
/// <item><see cref="Media"/>: the TV crawl (滚动字幕) of every configured TV channel.</item>
/// </list>
/// </summary>
public static class Audiences
{
    public const string Public = "public";
    public const string Officers = "officers";
    public const string Media = "media";

    /// <summary>Every audience name.</summary>
    public static IReadOnlyList<string> All { get; } = [Public, Officers, Media];

    /// <summary>The ledger channels each audience is reached on.</summary>
    /// <param name="audience">One of <see cref="All"/>.</param>
    public static IReadOnlyList<string> ChannelsOf(string audience) => audience switch
    {
        Public => [Channels.Sms, Channels.WeChat, Channels.LoudspeakerIp, Channels.LoudspeakerSerial],
        Officers => [Channels.Broadcaster, Channels.WeCom, Channels.Sms],
        Media => [Channels.Tv],
        _ => throw new ArgumentOutOfRangeException(nameof(audience), audience, "not an audience"),
    };
}
