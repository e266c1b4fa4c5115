using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WarningHub.Core.Cap;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Tests.Links;

/// <summary>
/// Broadcaster links carry their expiry (issue 11: links never expired and still took "played" after a Cancel).
/// </summary>
public sealed class BroadcastLinksTests
{
    private static readonly DateTimeOffset Now = new(2026, 7, 15, 8, 0, 0, TimeSpan.Zero);
    private const string Village = "511124100201";

    [Fact]
    public void ExpiryOf_AWarning_IsItsCapExpiryPlusADay()
    {
        var warning = Record(CapMsgType.Alert, expires: Now.AddHours(6));

        Assert.Equal(Now.AddHours(6) + TimeSpan.FromDays(1), BroadcastLinks.ExpiryOf(warning));
    }

    [Fact]
    public void ExpiryOf_ACancelWithoutExpiry_IsADayAfterItsEnd_WhichIsADayAfterItsRelease()
    {
        var cancel = Record(CapMsgType.Cancel, expires: null) with { ReleasedAt = Now.AddMinutes(1) };

        Assert.Equal(Now.AddMinutes(1) + TimeSpan.FromDays(2), BroadcastLinks.ExpiryOf(cancel));
    }

    [Fact]
    public void Check_IsValidUntilTheExpiry_ThenExpired_AndAnyChangedPartIsInvalid()
    {
        var time = new FakeTimeProvider(Now);
        var links = Links(time);
        var warning = Record(CapMsgType.Alert, expires: Now.AddHours(1));
        var token = Token(links.PathOf(warning, Village));

        Assert.Equal(LinkCheck.Valid, links.Check(warning.PublicId, Village, token));
        Assert.Equal(LinkCheck.Invalid, links.Check(warning.PublicId, "511124100202", token));
        Assert.Equal(LinkCheck.Invalid, links.Check("W20260715-000002", Village, token));
        var later = (BroadcastLinks.ExpiryOf(warning).ToUnixTimeSeconds() + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(LinkCheck.Invalid, links.Check(warning.PublicId, Village, later + token[token.IndexOf('-', StringComparison.Ordinal)..]));
        Assert.Equal(LinkCheck.Invalid, links.Check(warning.PublicId, Village, "garbage"));
        Assert.Equal(LinkCheck.Invalid, Links(time, "another-link-secret-0123").Check(warning.PublicId, Village, token));

        time.SetUtcNow(BroadcastLinks.ExpiryOf(warning).AddSeconds(-1));
        Assert.Equal(LinkCheck.Valid, links.Check(warning.PublicId, Village, token));
        time.SetUtcNow(BroadcastLinks.ExpiryOf(warning));
        Assert.Equal(LinkCheck.Expired, links.Check(warning.PublicId, Village, token));
    }

    private static string Token(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static BroadcastLinks Links(TimeProvider time, string secret = "link-secret-for-tests-0123") =>
        new(Options.Create(new EngineOptions { LinkSecret = secret, PublicBaseUrl = "http://127.0.0.1:8080" }), time);

    private static WarningRecord Record(CapMsgType type, DateTimeOffset? expires) => new()
    {
        Id = 1,
        PublicId = "W20260715-000001",
        Sender = "s",
        Identifier = "i",
        Fingerprint = "f",
        CapStatus = CapStatus.Actual,
        MsgType = type,
        Event = "暴雨",
        Level = null,
        Headline = "h",
        SubmittedBy = "a",
        CapXml = "<alert/>",
        ReceivedAt = Now,
        Expires = expires,
    };
}
