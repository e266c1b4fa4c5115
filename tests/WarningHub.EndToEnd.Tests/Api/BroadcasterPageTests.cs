using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Core.Audit;
using WarningHub.EndToEnd.Tests.Feeds;
using WarningHub.EndToEnd.Tests.Loudspeakers;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Shared;
using WarningHub.Testing;

namespace WarningHub.EndToEnd.Tests.Api;

/// <summary>
/// The village broadcaster's page, opened from the SMS link on a phone without any key. Regression: at 360 px its
/// text touched the screen edge (no side padding, no initial scale).
/// </summary>
public sealed partial class BroadcasterPageTests(ApiHub fixture) : IClassFixture<ApiHub>
{
    [Fact]
    public async Task BroadcasterPage_OpensWithoutAKey_FitsThePhonesWidth_AndKeepsItsTextOffTheEdges()
    {
        var html = await PageAsync();

        Assert.Matches(ViewportMeta(), html);
        var body = BodyRule().Match(html);
        Assert.True(body.Success, "the page styles its body");
        var padding = Padding().Match(body.Groups["rule"].Value);
        Assert.True(padding.Success, $"the body has padding: {body.Value}");
        Assert.InRange(int.Parse(padding.Groups["side"].Value, System.Globalization.CultureInfo.InvariantCulture), 12, 32);
        Assert.Contains("box-sizing:border-box", html, StringComparison.Ordinal);
        Assert.Contains("overflow-wrap:anywhere", body.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BroadcasterPage_OfAnAlteredLink_Is404()
    {
        var village = LoudspeakerHub.Villages(fixture.Hub.Registry, 1)[0];
        var path = await PathAsync(fixture.OwnWarning, village);
        using var phone = fixture.Hub.Client(null);

        using var altered = await phone.Http.GetAsync(new Uri(path[..^1] + (path[^1] == 'a' ? 'b' : 'a'), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, altered.StatusCode);
    }

    [Fact]
    public async Task BroadcasterLink_PastItsExpiry_Is410_AndOneWhoseExpiryWasMovedIs404()
    {
        var village = LoudspeakerHub.Villages(fixture.Hub.Registry, 1)[0];
        var links = fixture.Hub.App.Services.GetRequiredService<BroadcastLinks>();
        var expired = links.PathOf(fixture.OwnWarning, village, TimeProvider.System.GetUtcNow().AddMinutes(-1));
        var valid = await PathAsync(fixture.OwnWarning, village);
        var token = valid[(valid.LastIndexOf('/') + 1)..];
        var prolonged = valid[..(valid.LastIndexOf('/') + 1)] + "9999999999" + token[token.IndexOf('-', StringComparison.Ordinal)..];
        using var phone = fixture.Hub.Client(null);

        using var page = await phone.Http.GetAsync(new Uri(expired, UriKind.Relative));
        using var played = await phone.Http.PostAsync(new Uri(expired + "/played", UriKind.Relative), null);
        using var moved = await phone.Http.GetAsync(new Uri(prolonged, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("expired", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, played.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, moved.StatusCode);
    }

    [Fact]
    public async Task BroadcasterLink_OfACancelledWarning_RefusesPlayed_WhileTheCancelsOwnLinkWorks()
    {
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        var id = await fixture.Hub.SubmitAcceptedAsync(alert);
        var village = LoudspeakerHub.Villages(fixture.Hub.Registry, 1)[0];
        var before = await PathAsync(id, village);
        using var phone = fixture.Hub.Client(null);
        using (var open = await phone.Http.GetAsync(new Uri(before, UriKind.Relative))) Assert.Equal(HttpStatusCode.OK, open.StatusCode);

        var cancel = await fixture.Hub.SubmitAcceptedAsync(LiveWarning.CancelOf(alert));
        Assert.True(await Eventually.TrueAsync(async () => (await fixture.Hub.Store().GetAsync(id, default))!.State == WarningState.Cancelled,
            TimeSpan.FromSeconds(30)), "the warning was cancelled");

        using var page = await phone.Http.GetAsync(new Uri(before, UriKind.Relative));
        using var played = await phone.Http.PostAsync(new Uri(before + "/played", UriKind.Relative), null);
        using var cancelPage = await phone.Http.GetAsync(new Uri(await PathAsync(cancel, village), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, played.StatusCode);
        Assert.Contains("cancelled", await played.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, cancelPage.StatusCode);
    }

    [Fact]
    public async Task Played_IsAuditedAsTheVillagesAcknowledgement_OnceForTheRoundItRecorded()
    {
        var id = await fixture.Hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        var village = LoudspeakerHub.Villages(fixture.Hub.Registry, 1)[0];
        var path = await PathAsync(id, village);
        using var phone = fixture.Hub.Client(null);

        using (var played = await phone.Http.PostAsync(new Uri(path + "/played", UriKind.Relative), null)) Assert.Equal(HttpStatusCode.OK, played.StatusCode);
        using (var again = await phone.Http.PostAsync(new Uri(path + "/played", UriKind.Relative), null)) Assert.Equal(HttpStatusCode.OK, again.StatusCode);

        // Written with the confirmation: there when the answer came, without waiting.
        var audit = await fixture.Hub.App.Services.GetRequiredService<IAuditTrail>().ReadAsync(null, null, default);
        var row = Assert.Single(audit, r => r.Action == AuditActions.Acknowledge && r.Subject == id);
        Assert.Equal($"broadcaster:{village}", row.Actor);
        Assert.Contains($"played round 0 in village {village}", row.Detail, StringComparison.Ordinal);
        Assert.Null(AuditChain.Verify(audit));
    }

    private async Task<string> PathAsync(string id, string village)
    {
        var record = await fixture.Hub.Store().GetAsync(id, default);
        Assert.NotNull(record);
        return fixture.Hub.App.Services.GetRequiredService<BroadcastLinks>().PathOf(record, village);
    }

    private async Task<string> PageAsync()
    {
        var village = LoudspeakerHub.Villages(fixture.Hub.Registry, 1)[0];
        var path = await PathAsync(fixture.OwnWarning, village);
        using var phone = fixture.Hub.Client(null);
        using var response = await phone.Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")]
    private static partial Regex ViewportMeta();

    [GeneratedRegex(@"body\{(?<rule>[^}]*)\}")]
    private static partial Regex BodyRule();

    /// <summary>padding: vertical then horizontal, the horizontal in px.</summary>
    [GeneratedRegex(@"padding:\s*\S+\s+(?<side>\d+)px")]
    private static partial Regex Padding();
}
