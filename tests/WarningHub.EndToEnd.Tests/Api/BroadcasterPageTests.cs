using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.EndToEnd.Tests.Loudspeakers;
using WarningHub.Engine.Shared;

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
        var path = fixture.Hub.App.Services.GetRequiredService<BroadcastLinks>().PathOf(fixture.OwnWarning, village);
        using var phone = fixture.Hub.Client(null);

        using var altered = await phone.Http.GetAsync(new Uri(path[..^1] + (path[^1] == 'a' ? 'b' : 'a'), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, altered.StatusCode);
    }

    private async Task<string> PageAsync()
    {
        var village = LoudspeakerHub.Villages(fixture.Hub.Registry, 1)[0];
        var path = fixture.Hub.App.Services.GetRequiredService<BroadcastLinks>().PathOf(fixture.OwnWarning, village);
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
