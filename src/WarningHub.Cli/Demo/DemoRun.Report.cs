using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using WarningHub.Cli.Rendering;
using ChannelNames = WarningHub.Core.Planning.Channels;

namespace WarningHub.Cli.Demo;

internal sealed partial class DemoRun
{
    // Relaxed escaping keeps Chinese readable on a terminal; the object is never embedded in HTML.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The channels `--json` always lists (the broadcaster channel only when it was planned).</summary>
    private static readonly string[] JsonChannels = [ChannelNames.Sms, ChannelNames.LoudspeakerIp, ChannelNames.LoudspeakerSerial, ChannelNames.WeChat, ChannelNames.WeCom, ChannelNames.Tv];

    private void PrintReport(DemoResult r)
    {
        console.WriteLine();
        ReachTable.Write(console, r.Reach);
        WriteLoop(r);
        // The board itself, officer by officer, as `warninghub ack ID` prints it.
        console.WriteLine();
        AckTable.Write(console, r.Board);
        console.WriteLine();
        console.Write(ChannelTable(r));
        var unconfirmed = WarningProgress.Shown.Select(c => (c.Channel, r.Final[c.Channel].Unconfirmed)).Where(c => c.Unconfirmed > 0).ToList();
        foreach (var (channel, n) in unconfirmed)
        {
            console.MarkupLineInterpolated($"[yellow]{channel}: {n:N0} slots unconfirmed[/] (sent, but no receipt within the receipt window).");
        }
        var (sms, links) = r.SmscTallies;
        console.MarkupLineInterpolated($"SMSC: {r.Twin.Smsc.Submits:N0} submit_sm ({r.Twin.Smsc.Throttled:N0} throttled), {r.Twin.Smsc.ReceiptsSent:N0} receipts. By its own receipts {sms.Delivered:N0} of {sms.Messages:N0} warning SMS and {links.Delivered:N0} of {links.Messages:N0} broadcasters' links reached a phone.");
        var (streams, withLoss) = r.Twin.RtpStreams;
        console.MarkupLineInterpolated($"IP loudspeakers: {streams:N0} RTP streams of {r.Twin.BulletinLength.TotalSeconds:F1} s received, {withLoss:N0} with lost packets.");
        if (r.Twin.SerialSkipped is { } skipped) console.MarkupLineInterpolated($"[yellow]Serial loudspeakers skipped: {skipped}.[/]");
        else console.MarkupLineInterpolated($"Serial loudspeakers: the simulated TTS module spoke {r.Twin.SerialUtterances:N0} times, one village's relay zone after another.");
        var (templates, events) = r.Twin.WeChatFigures;
        console.MarkupLineInterpolated($"WeChat took {templates:N0} template messages and posted {events:N0} send-finish events back; WeCom robots posted {r.Twin.RobotMessages:N0} messages to town groups.");
        var (pushed, onAir) = r.Twin.TvFigures;
        console.MarkupLineInterpolated($"TV: {pushed} captions pushed to the station, {onAir} confirmed on air. The {DemoTwin.PulledTvChannel} feed shows:");
        foreach (var caption in r.Twin.CaptionsOnAir) console.MarkupLineInterpolated($"  [bold]{caption.Text}[/]");
        if (r.Final[ChannelNames.Broadcaster].Planned > 0)
        {
            console.MarkupLineInterpolated($"Village broadcasters 村广播员: {r.ConfirmedVillages} villages confirmed they played the bulletin; {r.Twin.Broadcasters.Silent} got the link and did not answer (one in ten, simulated).");
        }
        console.MarkupLineInterpolated($"Bulletin: {BulletinLine(r.Bulletin)}");
        console.MarkupLineInterpolated($"A red bulletin repeats every {RepeatEvery.TotalMinutes:F0} minutes until the warning expires; the demo stops after the first round.");
        if (r.Final.AllFinal) console.MarkupLineInterpolated($"[green]Every slot of every channel reached a final state[/] in {r.Elapsed.TotalSeconds:F1} s.");
        else console.MarkupLineInterpolated($"[red]Timed out with {r.Final.Pending:N0} slots not final[/] after {r.Elapsed.TotalSeconds:F1} s.");
    }

    /// <summary>The 叫应 board and the door-to-door round, from the hub's own records; what the simulated people did beside it.</summary>
    private void WriteLoop(DemoResult r)
    {
        var board = r.Loop;
        var median = board.MedianAnswerSeconds is { } m ? $"{m:0.0} s" : "-";
        console.MarkupLineInterpolated(
            $"叫应 board: {board.Officers} officers called; [green]{board.Answered} answered[/] ({board.BySms} by SMS reply, {board.ByLink} by link), of them {board.Late} late, after the deadline; [yellow]{board.Escalated} escalated[/] to the next tier; [red]{board.Silent} silent[/]; median answer {median}.");
        var (bySms, byLink, late, never) = r.Twin.OfficerAnswers;
        console.MarkupLineInterpolated(
            $"[dim]Simulated officers: {bySms} replied by SMS (MO deliver_sm from the SMSC), {byLink} pressed 收到 on their link, {late} replied only after the reminder, {never} never answered.[/]");
        var (links, marked, left) = r.Twin.Visits;
        console.MarkupLineInterpolated(
            $"Door to door 入户: {links} cadres opened their links and marked {marked} households (told in person or by phone, evacuated, nobody home, refuses to move); {left} were left for a later round.");
    }

    /// <summary>One row per channel, named as in `--json`; narrow enough for 80 columns.</summary>
    private static Table ChannelTable(DemoResult r)
    {
        var table = new Table().Border(TableBorder.Simple)
            .Title("Channels 渠道: slots per channel")
            .Caption("sms and broadcaster count phones, loudspeakers terminals, wechat followers, wecom town robots, tv channels. "
                + "Dup?: possibly sent twice. Offline: terminals that cannot play now.")
            .AddColumn(new TableColumn("Channel").NoWrap()).AddColumn(new TableColumn("Planned").RightAligned()).AddColumn(new TableColumn("Sent").RightAligned())
            .AddColumn(new TableColumn("Delivered").RightAligned()).AddColumn(new TableColumn("Failed").RightAligned())
            .AddColumn(new TableColumn("Dup?").RightAligned()).AddColumn(new TableColumn("Offline").RightAligned());
        foreach (var (channel, _) in WarningProgress.Shown)
        {
            var c = r.Final[channel];
            if (channel == ChannelNames.LoudspeakerSerial && r.Twin.SerialSkipped is { } skipped)
            {
                table.AddRow(new Markup(channel), new Markup($"[yellow]skipped: {Markup.Escape(skipped)}[/]"));
                continue;
            }
            if (c.Planned == 0 && channel == ChannelNames.Broadcaster) continue;
            var offline = r.Offline(channel) is { } n ? I(n) : "";
            table.AddRow(channel, I(c.Planned), I(c.Sent), $"[green]{I(c.Delivered)}[/]", I(c.Failed), I(c.PossiblyDuplicated), offline);
        }
        return table;
    }

    private void WriteJson(DemoResult r)
    {
        var county = r.Reach.GetProperty("county");
        var persons = county.GetProperty("persons");
        var times = county.GetProperty("timeToReachMs");
        static int N(JsonElement e, string name) => e.GetProperty(name).GetInt32();
        static object Count(JsonElement e) => new { targeted = N(e, "targeted"), reached = N(e, "reached") };
        static long? Ms(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Number ? e.GetProperty(name).GetInt64() : null;
        var channels = new Dictionary<string, object>();
        foreach (var channel in JsonChannels.Concat(r.Final[ChannelNames.Broadcaster].Planned > 0 ? [ChannelNames.Broadcaster] : []))
        {
            if (channel == ChannelNames.LoudspeakerSerial && r.Twin.SerialSkipped is { } skipped)
            {
                channels[channel] = new Dictionary<string, object> { ["skipped"] = skipped };
                continue;
            }
            var c = r.Final[channel];
            var json = new Dictionary<string, object>
            {
                ["planned"] = c.Planned, ["sent"] = c.Sent, ["delivered"] = c.Delivered, ["failed"] = c.Failed, ["possiblyDuplicated"] = c.PossiblyDuplicated,
            };
            if (r.Offline(channel) is { } offline) json["offline"] = offline;
            channels[channel] = json;
        }
        var (sms, links) = r.SmscTallies;
        var result = new
        {
            warningId = r.WarningId,
            persons = settings.Persons,
            channels,
            // 到村/到户/到人 as the hub's reach report counts them (Engine/Reach): receipts, plays, confirmations and marks.
            reach = new
            {
                villages = Count(county.GetProperty("villages")),
                households = Count(county.GetProperty("households")),
                persons = new
                {
                    targeted = N(persons, "targeted"), reached = N(persons, "reached"), bySms = N(persons, "bySms"), byHousehold = N(persons, "byHousehold"),
                    byOfficer = N(persons, "byOfficer"), evacuated = N(persons, "evacuated"), unaccounted = N(persons, "unaccounted"),
                },
                timeToReachMs = new { p50 = Ms(times, "p50"), p90 = Ms(times, "p90"), p95 = Ms(times, "p95") },
            },
            acknowledgements = new
            {
                officers = r.Loop.Officers, answered = r.Loop.Answered, escalated = r.Loop.Escalated, silent = r.Loop.Silent,
                medianAnswerSeconds = r.Loop.MedianAnswerSeconds,
            },
            // Not a faster clock: the 叫应 deadline and the door-to-door delay are shortened settings on real time.
            timeline = new { ackDeadlineSeconds = (int)AckDeadline.TotalSeconds, doorToDoorAfterSeconds = (int)DoorDelay.TotalSeconds },
            elapsedMs = (long)r.Elapsed.TotalMilliseconds,
            speech = new { spoken = r.Bulletin.Spoken, engine = r.Bulletin.Engine, problem = r.Bulletin.SpeechProblem },
            bulletin = new { seconds = Math.Round(r.Bulletin.Length.TotalSeconds, 1), text = r.Bulletin.Text, rtpSeconds = Math.Round(r.Twin.BulletinLength.TotalSeconds, 1) },
            // What the simulated SMSC's own receipts said, message by message: the hub's sms and broadcaster counts must agree.
            smsc = new { sms = sms, broadcaster = links },
            broadcasterConfirmations = new { villages = r.ConfirmedVillages, silent = r.Twin.Broadcasters.Silent },
            tvOnAir = r.Twin.CaptionsOnAir.Select(c => c.Text).ToList(),
            allFinal = r.Final.AllFinal,
        };
        Console.Out.WriteLine(JsonSerializer.Serialize(result, JsonOptions));
    }

    private void DescribeTwin(DemoTwin twin, Core.Registry.CountyRegistry registry, Core.Registry.CountyEndpoints endpoints, Audio.SpeechAvailability speech, string speechProfile)
    {
        console.MarkupLineInterpolated($"Simulated on 127.0.0.1: an SMSC, {twin.IpTerminals} IP loudspeakers (one per village), the WeChat API ({endpoints.Subscribers.Count(s => !s.IsTest):N0} followers) and WeCom robots ({registry.Towns.Count} towns), a TV station (2 channels).");
        if (twin.SerialSkipped is { } skipped)
        {
            console.MarkupLineInterpolated($"[yellow]Serial loudspeakers skipped: {skipped}[/] (installing socat adds them: a simulated TTS module on a pty pair).");
        }
        else
        {
            var serial = endpoints.Terminals.Count(t => t.Channel == ChannelNames.LoudspeakerSerial);
            console.MarkupLineInterpolated($"Serial loudspeakers: {serial} villages, relay zones of one simulated TTS module on socat pty pairs.");
        }
        console.MarkupLineInterpolated($"Speech: {SpeechLine(speech, speechProfile)}");
    }

    private static string BulletinLine(DemoBulletin.Made b) => b.Spoken
        ? $"{b.Length.TotalSeconds:F1} s, alert tones and the demo's short script spoken once by {b.Engine}: {b.Text}"
        : $"{b.Length.TotalSeconds:F1} s of alert tones only (no speech); serial TTS modules speak the text themselves: {b.Text}";

    private static string SpeechLine(Audio.SpeechAvailability speech, string profile) => speech.IsAvailable
        ? $"bulletins are spoken by {profile}."
        : $"no speech engine ({speech.Reason}): bulletins will be alert tones only; serial TTS modules still speak the text.";

    private static string I(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>What one demo run found: the hub's final counts and reach, and what the simulators saw.</summary>
internal sealed record DemoResult(string WarningId, WarningProgress Final, JsonElement Reach, TimeSpan Elapsed, DemoBulletin.Made Bulletin, DemoTwin Twin)
{
    /// <summary>The hub's 叫应 board (GET …/acknowledgements).</summary>
    public JsonElement Board { get; init; }

    /// <summary>The 叫应 board in figures: the hub's summary (as in the reach report), split by how and when officers answered.</summary>
    public LoopFigures Loop
    {
        get
        {
            var summary = Reach.GetProperty("acknowledgements");
            var officers = Board.GetProperty("officers").EnumerateArray().ToList();
            var answered = officers.Where(o => o.GetProperty("answeredAt").ValueKind != JsonValueKind.Null).ToList();
            var median = summary.GetProperty("medianAnswerSeconds");
            return new LoopFigures(summary.GetProperty("officers").GetInt32(), summary.GetProperty("answered").GetInt32(),
                summary.GetProperty("escalated").GetInt32(), summary.GetProperty("silent").GetInt32(),
                median.ValueKind == JsonValueKind.Number ? Math.Round(median.GetDouble(), 1) : null,
                answered.Count(o => o.GetProperty("how").GetString() == "sms"), answered.Count(o => o.GetProperty("how").GetString() == "link"),
                answered.Count(o => o.GetProperty("escalations").GetInt32() > 0));
        }
    }

    /// <summary>Terminals the hub reports offline or faulty now, for a loudspeaker channel it planned; null otherwise.</summary>
    public int? Offline(string channel) =>
        Reach.GetProperty("channels").TryGetProperty(channel, out var c) && c.TryGetProperty("offline", out var n) ? n.GetInt32() : null;

    /// <summary>Villages whose broadcaster's confirmation the hub recorded.</summary>
    public int ConfirmedVillages => Reach.GetProperty("villages").EnumerateArray().Count(v => v.GetProperty("broadcastConfirmedRounds").GetArrayLength() > 0);

    /// <summary>
    /// The simulated SMSC's own receipts, per message: the public warning, and the broadcasters' links. Officers'
    /// 叫应 texts and door-to-door links are notices, not slots, and ask for no receipt: they are left out.
    /// </summary>
    public (SmscTally Sms, SmscTally Links) SmscTallies
    {
        get
        {
            var messages = Twin.Smsc.ReceivedMessages;
            SmscTally Tally(bool links)
            {
                var outcomes = messages.Where(m => !DemoTwin.IsOfficerNotice(m) && !DemoTwin.IsDoorLink(m) && DemoTwin.IsBroadcasterLink(m, WarningId) == links)
                    .Select(Twin.Smsc.ReceiptOutcomeOf).ToList();
                return new SmscTally(outcomes.Count, outcomes.Count(o => o == true), outcomes.Count(o => o == false));
            }
            return (Tally(false), Tally(true));
        }
    }
}

/// <summary>The 叫应 board: the hub's counts, and of those who answered, how (SMS reply, link) and how many after their deadline.</summary>
internal sealed record LoopFigures(int Officers, int Answered, int Escalated, int Silent, double? MedianAnswerSeconds, int BySms, int ByLink, int Late);

/// <summary>Messages the SMSC took, and how many of them its receipts reported delivered or undelivered.</summary>
internal sealed record SmscTally(int Messages, int Delivered, int Undelivered);
