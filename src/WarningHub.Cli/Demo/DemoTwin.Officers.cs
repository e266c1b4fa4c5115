using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using WarningHub.Core.Reach;
using WarningHub.Simulators.Smsc;

namespace WarningHub.Cli.Demo;

/// <summary>
/// Officers closing the loop, through the hub's real paths. Each officer called for 叫应 (the SMS the simulated SMSC
/// took) answers as their seeded lot says: by an SMS reply (a mobile-originated deliver_sm from the SMSC), by opening
/// the link and pressing 收到 (an HTTP POST), late (only once the reminder comes, after the deadline, so the next tier
/// has been told), or never. Cadres who get a door-to-door link open it, read the households still unreached, page by
/// page, and mark most of them (HTTP POSTs to the cadre page); a few households they leave for later.
/// </summary>
internal sealed partial class DemoTwin
{
    /// <summary>The hub's number: officers reply to it (the SMPP gateway's source address in the demo's settings).</summary>
    public const string HubNumber = "12379";

    /// <summary>Where a text arrived first: answers and visits wait a few seconds after it, as people do.</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    // Written by the officers' and the cadres' rounds, read by SettleOfficersAsync: concurrent sets.
    private readonly ConcurrentDictionary<long, bool> _officersDone = new();
    private readonly ConcurrentDictionary<string, bool> _doorLinksDone = new(StringComparer.Ordinal);
    private readonly HttpClient _cadres = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>How officers answered 叫应 as the twin played them: by SMS, by link, late (after the reminder), never.</summary>
    public (int BySms, int ByLink, int Late, int Never) OfficerAnswers { get; private set; }

    /// <summary>Door-to-door links opened, households marked, and households left unmarked for now.</summary>
    public (int Links, int Marked, int LeftForLater) Visits { get; private set; }

    /// <summary>An officer's door-to-door link (入户通知).</summary>
    public static bool IsDoorLink(SimulatedMessage message) => message.Text.Contains("【入户通知】", StringComparison.Ordinal);

    /// <summary>Door-to-door links seen and not visited yet, and late officers whose reminder has come but who have not answered.</summary>
    public bool OfficersBusy => Smsc.ReceivedMessages.Any(m =>
        (IsDoorLink(m) && DoorLink().Match(m.Text) is { Success: true } d && !_doorLinksDone.ContainsKey(d.Value))
        || (m.Text.Contains("【叫应提醒】", StringComparison.Ordinal) && CallLink().Match(m.Text) is { Success: true } a
            && !_officersDone.ContainsKey(long.Parse(a.Groups["officer"].Value, CultureInfo.InvariantCulture))));

    private async Task AnswerCallsAsync(string warningId, CancellationToken cancellationToken)
    {
        foreach (var message in Smsc.ReceivedMessages.Where(m => m.Text.Contains("【叫应】", StringComparison.Ordinal) || m.Text.Contains("【叫应提醒】", StringComparison.Ordinal)))
        {
            if (CallLink().Match(message.Text) is not { Success: true } link || link.Groups["warning"].Value != warningId) continue;
            var officer = long.Parse(link.Groups["officer"].Value, CultureInfo.InvariantCulture);
            if (_officersDone.ContainsKey(officer)) continue;
            var reminder = message.Text.Contains("【叫应提醒】", StringComparison.Ordinal);
            var lot = Lot((ulong)officer, 10);
            if (lot == 9 && !reminder)
            {
                _officersDone[officer] = true;
                OfficerAnswers = OfficerAnswers with { Never = OfficerAnswers.Never + 1 };
                continue;
            }
            // Late officers (lots 7 and 8) wait for the reminder; the others answer the call a few seconds after it came.
            if ((lot is 7 or 8) != reminder || !Waited(message, TimeSpan.FromSeconds(1 + Lot((ulong)officer + 1_000_003, 4)))) continue;
            if (lot is 4 or 5 or 6)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(link.Value + "/received"));
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                using var response = await _people.SendAsync(request, cancellationToken);
                if (!response.IsSuccessStatusCode) continue; // pressed again next round
                OfficerAnswers = OfficerAnswers with { ByLink = OfficerAnswers.ByLink + 1 };
            }
            else
            {
                // Replies people send: the hub must read every one of them as 收到.
                string[] replies = ["1", "收到", "已收到", "好", "ＯＫ"];
                if (!Smsc.SendMobileOriginated(message.Destination, HubNumber, replies[Lot((ulong)officer + 3_000_017, replies.Length)])) continue;
                if (reminder) OfficerAnswers = OfficerAnswers with { Late = OfficerAnswers.Late + 1 };
                else OfficerAnswers = OfficerAnswers with { BySms = OfficerAnswers.BySms + 1 };
            }
            _officersDone[officer] = true;
        }
    }

    private async Task VisitHouseholdsAsync(string warningId, CancellationToken cancellationToken)
    {
        // Each cadre opens their link two to eight seconds after it came: a 包户干部 who is quicker leaves the village's
        // responsible cadre a shorter list. Cadres walk their villages at the same time.
        var due = Smsc.ReceivedMessages.Where(IsDoorLink)
            .Select(m => (Message: m, Link: DoorLink().Match(m.Text)))
            .Where(x => x.Link.Success && x.Link.Groups["warning"].Value == warningId && !_doorLinksDone.ContainsKey(x.Link.Value))
            .Where(x => Waited(x.Message, TimeSpan.FromSeconds(2 + Lot(ulong.Parse(x.Link.Groups["cadre"].Value, CultureInfo.InvariantCulture) + 5_000_011, 7))))
            .Select(x => x.Link.Value).Distinct().ToList();
        var done = new ConcurrentBag<(string Link, int Marked, int Left)>();
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (link, ct) => done.Add(await VisitAsync(link, ct)));
        foreach (var (link, marked, left) in done)
        {
            _doorLinksDone[link] = true;
            Visits = (Visits.Links + 1, Visits.Marked + marked, Visits.LeftForLater + left);
        }
    }

    /// <summary>One cadre's round: every household on their list marked, but one in ten left for later.</summary>
    private async Task<(string Link, int Marked, int Left)> VisitAsync(string link, CancellationToken cancellationToken)
    {
        var (marked, left) = (0, 0);
        foreach (var household in await UnreachedHouseholdsAsync(link, cancellationToken))
        {
            if (Lot((ulong)household + 2_000_003, 10) == 0)
            {
                left++;
                continue;
            }
            var kind = Lot((ulong)household, 20) switch
            {
                0 => HouseholdMarkKind.NobodyHome,
                1 or 2 or 3 => HouseholdMarkKind.Evacuated,
                4 or 5 or 6 or 7 => HouseholdMarkKind.ToldByPhone,
                8 => HouseholdMarkKind.RefusesToMove,
                _ => HouseholdMarkKind.ToldInPerson,
            };
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["h"] = household.ToString(CultureInfo.InvariantCulture), ["k"] = HouseholdMarkKinds.Name(kind), ["p"] = "1",
            });
            using var response = await _cadres.PostAsync(new Uri(link + "/mark"), form, cancellationToken);
            // 303 back to the list: recorded. Anything else (the warning ended meanwhile) leaves the household as it is.
            if ((int)response.StatusCode == 303) marked++;
        }
        return (link, marked, left);
    }

    /// <summary>The households a cadre's page lists, every page of it, read as a phone would (the HTML).</summary>
    private async Task<List<long>> UnreachedHouseholdsAsync(string link, CancellationToken cancellationToken)
    {
        var households = new List<long>();
        for (var page = 1; page <= 1000; page++)
        {
            var html = await _cadres.GetStringAsync(new Uri($"{link}?page={page.ToString(CultureInfo.InvariantCulture)}"), cancellationToken);
            households.AddRange(HouseholdItem().Matches(html).Select(m => long.Parse(m.Groups["id"].Value, CultureInfo.InvariantCulture)));
            if (!html.Contains("?page=" + (page + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)) break;
        }
        return households.Distinct().ToList();
    }

    /// <summary>Notes when each officer's text (call, reminder, door link) was first seen.</summary>
    private void NoteOfficerTexts()
    {
        var now = TimeProvider.System.GetUtcNow();
        foreach (var message in Smsc.ReceivedMessages.Where(m => IsOfficerNotice(m) || IsDoorLink(m))) _seen.TryAdd(message.MessageIds[0], now);
    }

    /// <summary>True once <paramref name="after"/> has passed since the twin first saw the message.</summary>
    private bool Waited(SimulatedMessage message, TimeSpan after)
    {
        var now = TimeProvider.System.GetUtcNow();
        return now - _seen.GetOrAdd(message.MessageIds[0], now) >= after;
    }

    /// <summary>A seeded lot in 0..<paramref name="of"/> - 1 (SplitMix64): the same people behave the same way for the same seed.</summary>
    private int Lot(ulong key, int of)
    {
        var x = unchecked(key + ((ulong)_settings.Seed * 0x9E3779B97F4A7C15UL));
        x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
        x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
        return (int)((x ^ (x >> 31)) % (ulong)of);
    }

    [GeneratedRegex(@"https?://[^\s/]+/a/(?<warning>[^\s/]+)/(?<officer>\d+)/[0-9a-f]{16}")]
    private static partial Regex CallLink();

    [GeneratedRegex(@"https?://[^\s/]+/d/(?<warning>[^\s/]+)/(?<village>\d{12})/(?<cadre>\d+)/[0-9a-f]{16}")]
    private static partial Regex DoorLink();

    [GeneratedRegex(@"<li id=h(?<id>\d+)>")]
    private static partial Regex HouseholdItem();
}
