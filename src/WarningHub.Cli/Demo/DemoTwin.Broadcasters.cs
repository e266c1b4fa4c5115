using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using WarningHub.Simulators.Smsc;

namespace WarningHub.Cli.Demo;

/// <summary>
/// Village broadcasters (村广播员): each gets an SMS with a link to the bulletin. Those whose SMS arrived open the link
/// and press "played", except one in ten (seeded) who does not answer, as happens at night.
/// </summary>
internal sealed partial class DemoTwin
{
    private readonly HashSet<string> _linksHandled = new(StringComparer.Ordinal);

    /// <summary>Broadcasters who confirmed they played the bulletin, and those who got the link but did not answer.</summary>
    public (int Confirmed, int Silent) Broadcasters { get; private set; }

    /// <summary>Whether a recorded SMS is a broadcaster's link for <paramref name="warningId"/>, rather than the public warning.</summary>
    /// <summary>An officer's 叫应 call, reminder or list of silent names (【叫应】, 【叫应提醒】, 【叫应未回复】).</summary>
    public static bool IsOfficerNotice(SimulatedMessage message) => message.Text.Contains("【叫应", StringComparison.Ordinal);

    public static bool IsBroadcasterLink(SimulatedMessage message, string warningId) =>
        message.Text.Contains($"/b/{warningId}/", StringComparison.Ordinal);

    private async Task ConfirmBroadcastsAsync(string warningId, CancellationToken cancellationToken)
    {
        foreach (var message in Smsc.ReceivedMessages.Where(m => IsBroadcasterLink(m, warningId)))
        {
            // Only a link whose SMS the SMSC reported delivered reached a phone; undelivered ones are never opened.
            if (Smsc.ReceiptOutcomeOf(message) is not { } delivered || _linksHandled.Contains(message.MessageIds[0])) continue;
            if (!delivered || Link().Match(message.Text) is not { Success: true } link)
            {
                _linksHandled.Add(message.MessageIds[0]);
                continue;
            }
            if (DoesNotAnswer(ulong.Parse(link.Groups["village"].Value, CultureInfo.InvariantCulture)))
            {
                _linksHandled.Add(message.MessageIds[0]);
                Broadcasters = Broadcasters with { Silent = Broadcasters.Silent + 1 };
                continue;
            }
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(link.Value + "/played"));
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            using var response = await _people.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode) continue; // pressed again next round
            _linksHandled.Add(message.MessageIds[0]);
            Broadcasters = Broadcasters with { Confirmed = Broadcasters.Confirmed + 1 };
        }
    }

    /// <summary>One broadcaster in ten, the same ones for the same seed (a multiplicative hash of the village code).</summary>
    private bool DoesNotAnswer(ulong village) => unchecked((village * 2654435761UL) + (ulong)_settings.Seed) % 10 == 0;

    [GeneratedRegex(@"https?://[^\s/]+/b/[^\s/]+/(?<village>\d{12})/[0-9a-f]+")]
    private static partial Regex Link();
}
