using System.Net;
using WarningHub.Core.Cap;
using WarningHub.Simulators.Upstream;

namespace WarningHub.EndToEnd.Tests.Feeds;

public sealed class UpstreamFeedTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Upstream_SameAlertInTwoEntriesAndPolledAgain_BecomesOneWarning_SentOnce_AndEachDocumentIsFetchedOnce()
    {
        await using var upstream = new CapFeedServer();
        await upstream.StartAsync();
        await using var hub = await TestHub.StartAsync(persons: 300, settings: FeedHub.Upstream(upstream.AtomUrl));
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        var first = upstream.Publish("urn:test:entry-1", LiveWarning.Xml(alert));
        var second = upstream.Publish("urn:test:entry-2", LiveWarning.Xml(alert));

        Assert.True(await Eventually.TrueAsync(async () => await hub.Store().FindAsync(alert.Sender, alert.Identifier, default) is not null, Wait));
        var polls = upstream.Requests("/feed.atom");
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(upstream.Requests("/feed.atom") >= polls + 3), Wait));

        var warning = (await hub.Store().FindAsync(alert.Sender, alert.Identifier, default))!;
        Assert.Equal(FeedHub.UpstreamAgency, warning.SubmittedBy);
        Assert.Equal((1, 1), (upstream.Requests(first), upstream.Requests(second)));
        using var operators = hub.Client(TestHub.OperatorKey);
        await TestHub.WaitAllFinalAsync(operators.Http, warning.PublicId, TimeSpan.FromSeconds(60));
        var phones = hub.Registry.Persons.Where(p => p.Phone is not null).Select(p => p.Phone).Distinct().Count();
        Assert.Equal(phones, hub.Smsc.ReceivedMessages.Count);
    }

    [Fact]
    public async Task Upstream_UpdateThenCancel_SupersedeAndCancelThroughIntake_AndAnAlertWithItsCancelInOnePollEndsCancelled()
    {
        await using var upstream = new CapFeedServer();
        await upstream.StartAsync();
        await using var hub = await TestHub.StartAsync(persons: 300, settings: FeedHub.Upstream(upstream.AtomUrl));
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        upstream.Publish("urn:test:alert", LiveWarning.Xml(alert));
        var original = await PublicIdAsync(hub, alert);

        var update = LiveWarning.UpdateOf(alert);
        upstream.Publish("urn:test:update", LiveWarning.Xml(update));
        var updated = await PublicIdAsync(hub, update);
        Assert.True(await Eventually.TrueAsync(async () => await hub.StateOfAsync(original) == "Superseded", Wait));

        upstream.PublishInline("urn:test:cancel", LiveWarning.Xml(LiveWarning.CancelOf(update)));
        Assert.True(await Eventually.TrueAsync(async () => await hub.StateOfAsync(updated) == "Cancelled", Wait));

        // Newest first in the feed, the Cancel comes before its Alert; the hub submits in order of sending.
        var pair = LiveWarning.Sample("red-rainstorm.cap.xml");
        upstream.Publish("urn:test:pair-alert", LiveWarning.Xml(pair));
        upstream.Publish("urn:test:pair-cancel", LiveWarning.Xml(LiveWarning.CancelOf(pair)));
        var paired = await PublicIdAsync(hub, pair);
        Assert.True(await Eventually.TrueAsync(async () => await hub.StateOfAsync(paired) == "Cancelled", Wait));
    }

    [Fact]
    public async Task Upstream_BrokenHostileOrSlowInput_IsSkippedWithoutHarm_AndPollingGoesOn()
    {
        await using var upstream = new CapFeedServer();
        await upstream.StartAsync();
        await using var hub = await TestHub.StartAsync(persons: 300, settings: FeedHub.Upstream(upstream.AtomUrl));
        var badXml = upstream.PublishAnswer("urn:test:bad-xml", FeedAnswer.Xml("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\"><identifier>x</ident"));
        var doctype = upstream.PublishAnswer("urn:test:doctype", FeedAnswer.Xml(BillionLaughs));
        var missing = upstream.PublishAnswer("urn:test:404", FeedAnswer.Error(404));
        var slow = upstream.PublishAnswer("urn:test:slow", FeedAnswer.Hang(TimeSpan.FromSeconds(20)));
        var huge = upstream.PublishAnswer("urn:test:huge", FeedAnswer.Xml("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">" + new string(' ', 200_000) + "</alert>"));
        var stranger = LiveWarning.Sample("red-rainstorm.cap.xml") with { Sender = "someone@else.example" };
        upstream.Publish("urn:test:stranger", LiveWarning.Xml(stranger));
        var good = LiveWarning.Sample("red-rainstorm.cap.xml");
        upstream.Publish("urn:test:good", LiveWarning.Xml(good));

        await PublicIdAsync(hub, good);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(upstream.Requests(slow) >= 3 && upstream.Requests(missing) >= 3), Wait));
        var polls = upstream.Requests("/feed.atom");
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(upstream.Requests("/feed.atom") >= polls + 3), Wait));
        Assert.Equal((1, 1, 1), (upstream.Requests(badXml), upstream.Requests(doctype), upstream.Requests(huge)));
        Assert.Equal((3, 3), (upstream.Requests(missing), upstream.Requests(slow)));
        Assert.Null(await hub.Store().FindAsync(stranger.Sender, stranger.Identifier, default));

        foreach (var broken in new[] { FeedAnswer.Xml("<feed><entry>"), FeedAnswer.Xml(BillionLaughs), FeedAnswer.Error(500), FeedAnswer.Hang(TimeSpan.FromSeconds(20)) })
        {
            upstream.FeedOverride = broken;
            var before = upstream.Requests("/feed.atom");
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(upstream.Requests("/feed.atom") >= before + 2), Wait));
        }
        upstream.FeedOverride = null;
        var later = LiveWarning.Sample("red-rainstorm.cap.xml");
        upstream.Publish("urn:test:later", LiveWarning.Xml(later));

        await PublicIdAsync(hub, later);
        using var health = await hub.Http.GetAsync(new Uri("/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }

    [Fact]
    public async Task Upstream_Rss_IsReadLikeAtom()
    {
        await using var upstream = new CapFeedServer();
        await upstream.StartAsync();
        await using var hub = await TestHub.StartAsync(persons: 300, settings: FeedHub.Upstream(upstream.RssUrl));
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");

        upstream.Publish("urn:test:rss", LiveWarning.Xml(alert));

        var id = await PublicIdAsync(hub, alert);
        Assert.Equal(FeedHub.UpstreamAgency, (await hub.Store().GetAsync(id, default))!.SubmittedBy);
    }

    private static async Task<string> PublicIdAsync(TestHub hub, CapAlert alert)
    {
        string? id = null;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            id = (await hub.Store().FindAsync(alert.Sender, alert.Identifier, default))?.PublicId;
            return id is not null;
        }, Wait), $"{alert.Identifier} reached intake");
        return id!;
    }

    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
        <alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>&lol2;</identifier></alert>
        """;
}
