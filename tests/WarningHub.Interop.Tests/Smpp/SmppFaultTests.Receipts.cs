using WarningHub.Abstractions;
using WarningHub.Interop.Tests.Support;
using WarningHub.Testing.Peers;

namespace WarningHub.Interop.Tests.Smpp;

public partial class SmppFaultTests
{
    [Fact]
    public async Task FivePercentOfReceiptsNeverSent_QuerySmRecoversEachOfThem()
    {
        await using var peer = await NodeSmsc.StartAsync("--receipt-loss-percent", "5");
        await using var gateway = await StartAsync(peer.Port);
        var messages = LongMessages(200);

        var finals = await new EngineRole(gateway).SendAllAsync(messages, concurrency: 20, limit: TimeSpan.FromMinutes(2));
        await TallyAsync(peer, finals);
        var ids = finals.ToDictionary(f => f.Key, f => f.Value.ProviderMessageIds);
        var withheld = peer.OfType("receipt-withheld").Select(e => e.GetProperty("id").GetString()!).ToHashSet();
        var expected = ids.Values.SelectMany(i => i).Count() - withheld.Count;
        var received = new Dictionary<string, Receipt>();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            while (received.Count < expected && !timeout.IsCancellationRequested)
            {
                var receipt = await gateway.Receipts.ReadAsync(timeout.Token);
                received[receipt.ProviderMessageId] = receipt;
            }
        }

        var missing = ids.SelectMany(slot => slot.Value.Select(id => (id, phone: PhoneOf(slot.Key)))).Where(p => !received.ContainsKey(p.id)).ToList();
        var recovered = new List<Receipt>();
        foreach (var (id, phone) in missing)
        {
            if (await gateway.QueryAsync(id, phone, CancellationToken.None) is { } receipt)
            {
                recovered.Add(receipt);
            }
        }

        output.WriteLine($"parts {ids.Values.Sum(i => i.Count)}, receipts withheld {withheld.Count}, received {received.Count}, recovered by query_sm {recovered.Count}");
        Assert.True(withheld.Count > 0, "no receipt was withheld: the fault did not happen");
        Assert.Equal(withheld.Order(), missing.Select(m => m.id).Order());
        Assert.Equal(withheld.Order(), recovered.Select(r => r.ProviderMessageId).Order());
        Assert.All(recovered, r => Assert.Equal((DeliveryStatus.Delivered, "DELIVRD"), (r.Status, r.Code)));
        Assert.Equal(withheld.Count, peer.OfType("query").Count());
    }

    [Theory]
    [InlineData("nack")]
    [InlineData("invalid")]
    public async Task QuerySm_WhenTheSmscDoesNotSupportIt_IsNullAndNotAskedAgain(string mode)
    {
        await using var peer = await NodeSmsc.StartAsync("--query-sm", mode);
        await using var gateway = await StartAsync(peer.Port);
        var sent = await gateway.SendAsync(new TextMessage(1, "13800138000", "query me"), CancellationToken.None);
        var id = Assert.Single(sent.ProviderMessageIds);

        var first = await gateway.QueryAsync(id, "13800138000", CancellationToken.None);
        var second = await gateway.QueryAsync(id, "13800138000", CancellationToken.None);

        Assert.Null(first);
        Assert.Null(second);
        Assert.Single(peer.OfType("query"));
    }

    [Fact]
    public async Task LongText_WithUseMessagePayload_GoesAsOneSubmitCarryingTheWholeText()
    {
        await using var peer = await NodeSmsc.StartAsync();
        await using var gateway = await StartAsync(peer.Port, o => o.UseMessagePayload = true);
        var text = Body + Body;

        var result = await gateway.SendAsync(new TextMessage(1, "13800138000", text), CancellationToken.None);

        Assert.Equal(SendOutcome.Accepted, result.Outcome);
        Assert.Single(result.ProviderMessageIds);
        Assert.True(await peer.WaitForAsync(p => p.OfType("message").Any()), peer.Diagnostics());
        var message = Assert.Single(peer.OfType("message"));
        Assert.Equal("payload", message.GetProperty("concatenation").GetString());
        Assert.Equal(Signature + text, message.GetProperty("text").GetString());
        Assert.Single(peer.OfType("submit"));
    }
}
