using System.Net;
using System.Net.Sockets;
using WarningHub.Abstractions;
using WarningHub.Simulators.Tv;

namespace WarningHub.Channels.TvCrawl.Tests.Push;

public sealed class TvCrawlAdapterTests
{
    [Fact]
    public async Task Send_ToAPushChannel_PostsTheCaptionWithinItsLength_AndReturnsTheStationsId()
    {
        await using var h = await StationHarness.StartAsync();

        var result = await h.Adapter.SendAsync(StationHarness.Message("jytv"), default);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        var push = Assert.Single(h.Station.Pushes);
        Assert.Equal(["jytv/" + push.StationId], result.ProviderMessageIds);
        Assert.Equal(("jytv", "42", "W20260715-000001"), (push.Channel, push.Reference, push.WarningId));
        Assert.True(push.Caption.Length <= 40, push.Caption);
        Assert.StartsWith("【暴雨红色预警】井研县全境：井研县气象台发布暴雨红色预警信号。", push.Caption, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Test")]
    [InlineData("")]
    public async Task Send_AWarningThatIsNotActual_IsRefusedWithoutReachingTheStation(string status)
    {
        await using var h = await StationHarness.StartAsync();

        var result = await h.Adapter.SendAsync(StationHarness.Message("jytv", status), default);

        Assert.Equal(SendOutcome.PermanentFailure, result.Outcome);
        Assert.Equal("NOT_ACTUAL", result.ErrorCode);
        Assert.Empty(h.Station.Pushes);
    }

    [Fact]
    public async Task Send_ToAnUnknownOrPullOnlyChannel_FailsPermanentlyWithoutARequest()
    {
        await using var h = await StationHarness.StartAsync();

        var unknown = await h.Adapter.SendAsync(StationHarness.Message("nowhere"), default);
        var pullOnly = await h.Adapter.SendAsync(StationHarness.Message("cable"), default);

        Assert.Equal((SendOutcome.PermanentFailure, "NO_CHANNEL"), (unknown.Outcome, unknown.ErrorCode));
        Assert.Equal((SendOutcome.PermanentFailure, "PULL_ONLY"), (pullOnly.Outcome, pullOnly.ErrorCode));
        Assert.Empty(h.Station.Pushes);
    }

    [Theory]
    [InlineData(StationBehaviour.ServerError, SendOutcome.TemporaryFailure, "500")]
    [InlineData(StationBehaviour.Refuse, SendOutcome.PermanentFailure, "400")]
    public async Task Send_StationAnswersAnError_IsTemporaryOrPermanentByStatus(StationBehaviour behaviour, SendOutcome expected, string code)
    {
        await using var h = await StationHarness.StartAsync();
        h.Station.Behaviour = behaviour;

        var result = await h.Adapter.SendAsync(StationHarness.Message("jytv"), default);

        Assert.Equal((expected, code), (result.Outcome, result.ErrorCode));
        Assert.Single(h.Station.Pushes);
    }

    [Fact]
    public async Task Send_StationNeverAnswers_IsUnknownBecauseTheCaptionMayBeOnAir()
    {
        // Two seconds, not 300 ms: on a loaded machine the station had not yet read the push when the adapter gave up,
        // so the test sometimes found no push at the station (the adapter's answer was right either way).
        await using var h = await StationHarness.StartAsync(pushTimeout: TimeSpan.FromSeconds(2));
        h.Station.Behaviour = StationBehaviour.Hang;

        var result = await h.Adapter.SendAsync(StationHarness.Message("jytv"), default);

        Assert.Equal(SendOutcome.Unknown, result.Outcome);
        Assert.True(await Eventually.TrueAsync(() => h.Station.Pushes.Count >= 1), "the push reached the station");
        Assert.Single(h.Station.Pushes);
    }

    [Fact]
    public async Task Send_StationUnreachable_IsTemporaryBecauseNothingLeft()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var h = await StationHarness.StartAsync(pushUrl: $"http://127.0.0.1:{port}/captions");

        var result = await h.Adapter.SendAsync(StationHarness.Message("jytv"), default);

        Assert.Equal(SendOutcome.TemporaryFailure, result.Outcome);
    }

    [Fact]
    public async Task Confirm_WithTheChannelsSecret_BecomesADeliveredReceiptForTheProviderId()
    {
        await using var h = await StationHarness.StartAsync();
        var sent = await h.Adapter.SendAsync(StationHarness.Message("jytv"), default);
        var stationId = h.Station.Pushes[0].StationId;

        var outcome = h.Adapter.Confirm("JYTV", StationHarness.Secret, stationId, onAir: true);

        Assert.Equal(OnAirConfirmation.Recorded, outcome);
        Assert.True(h.Adapter.Receipts.TryRead(out var receipt));
        Assert.Equal(new Receipt(sent.ProviderMessageIds[0], DeliveryStatus.Delivered, "ONAIR", h.Time.GetUtcNow()), receipt);
    }

    [Fact]
    public async Task Confirm_NotOnAir_BecomesAFailedReceipt()
    {
        await using var h = await StationHarness.StartAsync();

        Assert.Equal(OnAirConfirmation.Recorded, h.Adapter.Confirm("jytv", StationHarness.Secret, "st-9", onAir: false));

        Assert.True(h.Adapter.Receipts.TryRead(out var receipt));
        Assert.Equal(("jytv/st-9", DeliveryStatus.Failed), (receipt.ProviderMessageId, receipt.Status));
    }

    [Fact]
    public async Task Confirm_WrongOrMissingSecret_UnknownChannel_OrChannelWithoutSecret_RecordsNothing()
    {
        await using var h = await StationHarness.StartAsync();

        Assert.Equal(OnAirConfirmation.Refused, h.Adapter.Confirm("jytv", "station-secret-0123456780", "st-1", true));
        Assert.Equal(OnAirConfirmation.Refused, h.Adapter.Confirm("jytv", null, "st-1", true));
        Assert.Equal(OnAirConfirmation.Refused, h.Adapter.Confirm("cable", StationHarness.Secret, "st-1", true));
        Assert.Equal(OnAirConfirmation.UnknownChannel, h.Adapter.Confirm("nowhere", StationHarness.Secret, "st-1", true));
        Assert.Equal(OnAirConfirmation.Invalid, h.Adapter.Confirm("jytv", StationHarness.Secret, "", true));

        Assert.False(h.Adapter.Receipts.TryRead(out _));
    }
}
