namespace WarningHub.Core.Planning;

/// <summary>The ledger channels the hub can plan for, by the adapters it has.</summary>
public static class Channels
{
    public const string Sms = "sms";
    public const string WeChat = "wechat";
    public const string WeCom = "wecom";
    public const string Tv = "tv";
    public const string LoudspeakerIp = "loudspeakerIp";
    public const string LoudspeakerSerial = "loudspeakerSerial";

    /// <summary>Village broadcasters (村广播员): an SMS with a link to the bulletin, sent by the SMS adapter.</summary>
    public const string Broadcaster = "broadcaster";

    /// <summary>
    /// Voice calls (语音通知) to officers for 叫应, placed by a voice gateway. Not a ledger channel: the public is never
    /// called, so it is not in <see cref="All"/>.
    /// </summary>
    public const string Voice = "voice";

    /// <summary>Every ledger channel name.</summary>
    public static IReadOnlyList<string> All { get; } = [Sms, WeChat, WeCom, Tv, LoudspeakerIp, LoudspeakerSerial, Broadcaster];
}

/// <summary>
/// Which channels a plan covers: the ones some adapter serves. TV channels and WeCom robots are named in
/// configuration; robots are keyed by the 12-digit code of the town they serve.
/// </summary>
public sealed record PlanChannels(IReadOnlySet<string> Served, IReadOnlyList<string> TvChannels, IReadOnlyDictionary<string, string> RobotsByTown)
{
    public static PlanChannels SmsOnly { get; } = new(new HashSet<string> { Channels.Sms }, [], new Dictionary<string, string>());

    /// <summary>
    /// True when the release policy leaves the public out but keeps officers: the sms channel then goes to the officers
    /// of the area (officers.csv) instead of the persons' phones, and no person is targeted.
    /// </summary>
    public bool SmsToOfficers { get; init; }

    public bool Serves(string channel) => Served.Contains(channel);
}
