using System.Threading.Channels;
using WarningHub.Abstractions;

namespace WarningHub.Testing.Contracts;

/// <summary>
/// What every channel adapter promises the engine, run by every adapter's test project against its own peer:
/// gateway errors come back as results and are never thrown; a send cancelled before its first part sends nothing;
/// <see cref="SendOutcome.Unknown"/> only after the request may have left; a gateway that is known to be down is
/// <see cref="SendOutcome.GatewayUnavailable"/>. Adapters with receipts also run <see cref="ReceiptingAdapterContract{TFixture}"/>.
/// </summary>
public abstract class ChannelAdapterContract<TFixture>
    where TFixture : ChannelAdapterFixture
{
    /// <summary>A fresh adapter and peer for one test.</summary>
    protected abstract Task<TFixture> StartAsync();

    [Fact]
    public async Task Contract_Send_ToAWorkingPeer_IsAccepted_WithTheGatewaysIds()
    {
        await using var fixture = await StartAsync();

        var result = await fixture.SendAsync(0, 1, CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.NotEmpty(result.ProviderMessageIds);
        Assert.Equal(fixture.RequestsPerMessage, fixture.PeerRequests);
    }

    [Fact]
    public async Task Contract_Send_CancelledBeforeItsFirstPart_SendsNothing()
    {
        await using var fixture = await StartAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        DeliveryResult? result = null;
        try
        {
            result = await fixture.SendAsync(0, 1, cancelled.Token);
        }
        catch (OperationCanceledException)
        {
            // Allowed: the engine takes a cancellation as "not sent".
        }
        // The signal that the cancelled send left nothing behind: the peer takes the next message as its first.
        var next = await fixture.SendAsync(1, 2, CancellationToken.None);

        Assert.True(result is null || result.Value.Outcome is not (SendOutcome.Accepted or SendOutcome.Unknown),
            $"a send cancelled before it began answered {result?.Outcome}");
        Assert.Equal(SendOutcome.Accepted, next.Outcome);
        Assert.Equal(fixture.RequestsPerMessage, fixture.PeerRequests);
    }

    [Fact]
    public async Task Contract_Send_WhenThePeerAnswersWithAnError_ReturnsAResult_AndNeverThrows()
    {
        await using var fixture = await StartAsync();
        await fixture.PeerFailsAsync();

        var result = await Record.ExceptionAsync(async () =>
        {
            var r = await fixture.SendAsync(0, 1, CancellationToken.None);
            Assert.NotEqual(SendOutcome.Accepted, r.Outcome);
            Assert.False(string.IsNullOrWhiteSpace(r.Reason) && r.ErrorCode is null, "a failure says why");
        });

        Assert.Null(result);
    }

    [Fact]
    public async Task Contract_Send_WhenThePeerIsDown_IsNeverUnknown_AndUnavailableOnceTheAdapterKnows()
    {
        await using var fixture = await StartAsync();
        await fixture.PeerDownAsync();
        if (fixture.Adapter is IGatewayHealth health)
        {
            Assert.True(await Eventually.TrueAsync(() => !health.Health.IsUp, TimeSpan.FromSeconds(20)), "the adapter never noticed its gateway went down");
        }

        var result = await fixture.SendAsync(0, 1, CancellationToken.None);

        // Nothing can have left: Unknown would make the engine flag a duplicate that cannot exist.
        Assert.NotEqual(SendOutcome.Unknown, result.Outcome);
        Assert.NotEqual(SendOutcome.Accepted, result.Outcome);
        if (fixture.Adapter is IGatewayHealth)
        {
            Assert.Equal(SendOutcome.GatewayUnavailable, result.Outcome);
        }
        else
        {
            Assert.True(result.Outcome is SendOutcome.GatewayUnavailable or SendOutcome.TemporaryFailure, $"a peer that is down answered {result.Outcome}");
        }
        Assert.Equal(0, fixture.PeerRequests);
    }
}

/// <summary>The channel-adapter contract for adapters that report receipts: each receipt names a message it was for.</summary>
public abstract class ReceiptingAdapterContract<TFixture> : ChannelAdapterContract<TFixture>
    where TFixture : ReceiptingAdapterFixture
{
    [Fact]
    public async Task Contract_Receipts_CorrelateEachToTheMessageItConfirms()
    {
        await using var fixture = await StartAsync();
        var sends = new Dictionary<long, DeliveryResult>();
        for (var i = 0; i < 3; i++) sends[100 + i] = await fixture.SendAsync(i, 100 + i, CancellationToken.None);
        Assert.All(sends.Values, r => Assert.Equal(SendOutcome.Accepted, r.Outcome));
        await fixture.PeerConfirmsAsync();

        var owner = sends.SelectMany(s => s.Value.ProviderMessageIds.Select(id => (id, reference: s.Key))).ToDictionary(p => p.id, p => p.reference, StringComparer.Ordinal);
        Assert.Equal(sends.Values.Sum(r => r.ProviderMessageIds.Count), owner.Count); // no id given to two messages
        var confirmed = new HashSet<long>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            while (confirmed.Count < sends.Count)
            {
                var receipt = await fixture.Receipts.Receipts.ReadAsync(timeout.Token);
                Assert.True(owner.TryGetValue(receipt.ProviderMessageId, out var reference), $"receipt for an id no send returned: {receipt.ProviderMessageId}");
                Assert.True(receipt.Status is DeliveryStatus.Delivered or DeliveryStatus.Failed, $"a receipt is final: {receipt.Status}");
                confirmed.Add(reference);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException)
        {
            Assert.Fail($"receipts confirmed {confirmed.Count} of {sends.Count} messages");
        }
    }
}
