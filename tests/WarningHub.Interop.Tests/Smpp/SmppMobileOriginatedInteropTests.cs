using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using WarningHub.Channels.Sms.Smpp;
using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Cap;
using WarningHub.Core.Registry;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Acknowledgements;
using WarningHub.Interop.Tests.Support;
using WarningHub.Testing.Peers;
using WarningHub.Storage.Sqlite;

namespace WarningHub.Interop.Tests.Smpp;

/// <summary>
/// Officers' replies (叫应) as the npm `smpp` package sends them: mobile-originated deliver_sm PDUs that nobody here
/// wrote. Each comes out of the adapter as an inbound text that the hub's reply reading takes as an answer, and the
/// reply pump turns it into the officer's answer in the ledger.
/// </summary>
public sealed class SmppMobileOriginatedInteropTests
{
    [Theory]
    [InlineData("收到", 8)]
    [InlineData("已收到", null)]
    [InlineData("１", 8)]
    [InlineData("OK", 1)]
    [InlineData("ok", null)]
    [InlineData("好", null)]
    public async Task AReplyFromThePeer_ComesOutAsAnInboundText_ThatCountsAsAnAnswer(string text, int? dataCoding)
    {
        await using var peer = await NodeSmsc.StartAsync();
        await using var gateway = await StartGatewayAsync(peer);

        await peer.SendMobileOriginatedAsync("8613800138001", "10657001", text, dataCoding);
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var reply = await gateway.InboundTexts.ReadAsync(wait.Token);

        Assert.Equal(("8613800138001", "10657001", text), (reply.Sender, reply.Recipient, reply.Text));
        Assert.True(AckReply.IsAnswer(reply.Text));
        Assert.True(await peer.WaitForAsync(p => p.OfType("mo-acknowledged").Any()), peer.Diagnostics());
        Assert.Equal(0, peer.OfType("mo-acknowledged").Single().GetProperty("status").GetInt32());
        Assert.False(gateway.Receipts.TryRead(out _));
    }

    [Fact]
    public async Task AReplyThatIsNotAnAnswer_StillComesOut_ButIsNotAnAnswer()
    {
        await using var peer = await NodeSmsc.StartAsync();
        await using var gateway = await StartGatewayAsync(peer);

        await peer.SendMobileOriginatedAsync("13800138001", "10657001", "请问在哪里集合？");
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var reply = await gateway.InboundTexts.ReadAsync(wait.Token);

        Assert.Equal("请问在哪里集合？", reply.Text);
        Assert.False(AckReply.IsAnswer(reply.Text));
    }

    [Fact]
    public async Task AnOfficersReplyFromThePeer_AnswersTheirCallInTheLedger_ThroughTheReplyPump()
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-interop-ack-");
        try
        {
            await using var peer = await NodeSmsc.StartAsync();
            await using var gateway = await StartGatewayAsync(peer);
            await using var database = new SqliteDatabase(new SqliteOptions { Path = Path.Combine(folder.FullName, "hub.db") });
            var store = new SqliteAcknowledgementStore(database);
            var warning = await ReleasedWarningAsync(database);
            var now = TimeProvider.System.GetUtcNow();
            await store.StartAsync(
                [
                    new Acknowledgement(warning, 1, "甲村干部", "13900000001", ResponsibilityTier.Village, ["511124101201"], now, TimeSpan.FromMinutes(5)),
                    new Acknowledgement(warning, 2, "乙村干部", "13900000002", ResponsibilityTier.Village, ["511124101202"], now, TimeSpan.FromMinutes(5)),
                ], [], now, default);
            using var pump = new ReplyPump([gateway], store, NullLogger<ReplyPump>.Instance);
            await pump.StartAsync(default);

            await peer.SendMobileOriginatedAsync("8613900000001", "10657001", "已收到", 8);
            var answered = await Eventually.TrueAsync(async () => !(await store.OfWarningAsync(warning, default)).Single(c => c.OfficerId == 1).IsSilent,
                TimeSpan.FromSeconds(15));
            await pump.StopAsync(default);

            Assert.True(answered, peer.Diagnostics());
            var calls = (await store.OfWarningAsync(warning, default)).ToDictionary(c => c.OfficerId);
            Assert.Equal(AcknowledgementMethod.Sms, calls[1].AnsweredBy);
            Assert.True(calls[2].IsSilent);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task<long> ReleasedWarningAsync(SqliteDatabase database)
    {
        var now = TimeProvider.System.GetUtcNow();
        var accepted = await new SqliteWarningStore(database).AcceptAsync(new WarningRecord
        {
            PublicId = "",
            Sender = "interop",
            Identifier = "interop-" + Guid.NewGuid().ToString("N"),
            Fingerprint = "f",
            CapStatus = CapStatus.Actual,
            MsgType = CapMsgType.Alert,
            Event = "暴雨",
            Level = WarningLevel.Red,
            Headline = "暴雨红色预警",
            Sent = now,
            Effective = now,
            Expires = now.AddHours(6),
            ReceivedAt = now,
            SubmittedBy = "interop",
            CapXml = "<alert/>",
            State = WarningState.Released,
        }, default);
        return accepted.Warning.Id;
    }

    private static async Task<SmppGateway> StartGatewayAsync(NodeSmsc peer)
    {
        var options = new SmppOptions
        {
            Host = "127.0.0.1",
            Port = peer.Port,
            SystemId = "warninghub",
            Password = "secret",
            SourceAddress = "10657001",
            ResponseTimeout = TimeSpan.FromSeconds(5),
            ReconnectMin = TimeSpan.FromMilliseconds(100),
            ReconnectMax = TimeSpan.FromSeconds(1),
        };
        var gateway = new SmppGateway("node", options);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await gateway.StartAsync(timeout.Token);
        Assert.Equal(1, gateway.LiveBinds);
        return gateway;
    }
}
