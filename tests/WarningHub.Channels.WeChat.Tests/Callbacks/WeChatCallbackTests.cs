using System.Text;
using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Tests.Support;

namespace WarningHub.Channels.WeChat.Tests.Callbacks;

/// <summary>The framework-free callback handler: handshakes, events, and everything a forger or an attacker might send.</summary>
public sealed class WeChatCallbackTests : IDisposable
{
    private const string Token = "simtoken2024";
    private const string Timestamp = "1714370000";
    private const string Nonce = "123456789";
    private const string Signature = "67fe8101467216f2cc98b398affd59e221642736";

    // The hub's clock at the calls' timestamp: a call more than 5 minutes off is refused (see WeChatReplayTests).
    private readonly WeChatOfficialAccount _account = new("county", Accounts.Options(new Uri("http://127.0.0.1:9/"), Token),
        time: new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(long.Parse(Timestamp, System.Globalization.CultureInfo.InvariantCulture))));

    public void Dispose() => _account.Dispose();

    [Fact]
    public async Task Get_WithAValidSignature_EchoesEchostrAsPlainText()
    {
        var response = await _account.Callback.HandleAsync("GET", Query(("echostr", "5837397520636974")), null, CancellationToken.None);

        Assert.Equal((200, "5837397520636974"), (response.StatusCode, response.Body));
        Assert.StartsWith("text/plain", response.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithAForgedSignature_IsRefusedAndEchoesNothing()
    {
        var query = Query(("echostr", "5837397520636974"));
        query["signature"] = "0000000000000000000000000000000000000000";

        var response = await _account.Callback.HandleAsync("GET", query, null, CancellationToken.None);

        Assert.Equal(403, response.StatusCode);
        Assert.DoesNotContain("5837397520636974", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("timestamp")]
    [InlineData("nonce")]
    public async Task AnyCall_WithoutOneOfTheSignedParameters_IsRefused(string missing)
    {
        var query = Query(("echostr", "x"));
        query.Remove(missing);

        Assert.Equal(400, (await _account.Callback.HandleAsync("GET", query, null, CancellationToken.None)).StatusCode);
        Assert.Equal(400, (await _account.Callback.HandleAsync("POST", query, Body(Event("100", "success")), CancellationToken.None)).StatusCode);
        Assert.False(_account.Receipts.TryRead(out _));
    }

    [Fact]
    public async Task Get_WithAVeryLongEchostr_IsRefusedRatherThanReflected()
    {
        var response = await _account.Callback.HandleAsync("GET", Query(("echostr", new string('a', 5000))), null, CancellationToken.None);

        Assert.Equal(400, response.StatusCode);
    }

    [Fact]
    public async Task Post_TemplateSendJobFinishSuccess_PublishesADeliveredReceiptForTheMsgId()
    {
        var response = await _account.Callback.HandleAsync("POST", Query(("openid", Accounts.OpenId)), Body(Event("200163836", "success")), CancellationToken.None);

        Assert.Equal((200, "success"), (response.StatusCode, response.Body));
        Assert.True(_account.Receipts.TryRead(out var receipt));
        Assert.Equal(new Receipt("200163836", DeliveryStatus.Delivered, "success", DateTimeOffset.FromUnixTimeSeconds(1395658920)), receipt);
    }

    [Theory]
    [InlineData("failed:user block")]
    [InlineData("failed: system failed")]
    public async Task Post_AFailedDelivery_PublishesAFailedReceiptWithTheStatusAsCode(string status)
    {
        await _account.Callback.HandleAsync("POST", Query(), Body(Event("200163840", status)), CancellationToken.None);

        Assert.True(_account.Receipts.TryRead(out var receipt));
        Assert.Equal(("200163840", DeliveryStatus.Failed, status), (receipt.ProviderMessageId, receipt.Status, receipt.Code));
    }

    [Fact]
    public async Task Post_WithAForgedSignature_IsRefusedAndPublishesNothing()
    {
        var query = Query();
        query["signature"] = WeChatSignature.Compute("guessed-token", Timestamp, Nonce);

        var response = await _account.Callback.HandleAsync("POST", query, Body(Event("200163836", "success")), CancellationToken.None);

        Assert.Equal(403, response.StatusCode);
        Assert.False(_account.Receipts.TryRead(out _));
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><xml><MsgType>event</MsgType><Event>TEMPLATESENDJOBFINISH</Event><MsgID>1</MsgID><Status>&lol2;</Status></xml>""")]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><MsgType>event</MsgType><Event>TEMPLATESENDJOBFINISH</Event><MsgID>1</MsgID><Status>&xxe;</Status></xml>""")]
    [InlineData("""<!DOCTYPE xml SYSTEM "http://127.0.0.1:9/evil.dtd"><xml><MsgID>1</MsgID></xml>""")]
    public async Task Post_WithADoctype_IsRefusedAndPublishesNothing(string hostile)
    {
        var response = await _account.Callback.HandleAsync("POST", Query(), Body(hostile), CancellationToken.None);

        Assert.Equal((400, "a DOCTYPE is not allowed"), (response.StatusCode, response.Body));
        Assert.False(_account.Receipts.TryRead(out _));
    }

    [Theory]
    [InlineData("<xml><MsgType>event</MsgType>")]
    [InlineData("not xml at all")]
    [InlineData("<other><MsgID>1</MsgID></other>")]
    [InlineData("<xml><MsgType>event</MsgType><Event>TEMPLATESENDJOBFINISH</Event><MsgID>12a</MsgID><Status>success</Status></xml>")]
    [InlineData("<xml><MsgType>event</MsgType><Event>TEMPLATESENDJOBFINISH</Event><Status>success</Status></xml>")]
    public async Task Post_MalformedOrIncompleteXml_IsRefusedAndPublishesNothing(string body)
    {
        var response = await _account.Callback.HandleAsync("POST", Query(), Body(body), CancellationToken.None);

        Assert.Equal(400, response.StatusCode);
        Assert.False(_account.Receipts.TryRead(out _));
    }

    [Fact]
    public async Task Post_LargerThanTheLimit_IsRefusedWithoutParsing()
    {
        var padding = new string(' ', 20 * 1024);
        var response = await _account.Callback.HandleAsync("POST", Query(), Body(Event("1", "success") + padding), CancellationToken.None);

        Assert.Equal(413, response.StatusCode);
        Assert.False(_account.Receipts.TryRead(out _));
    }

    [Fact]
    public async Task Post_AnotherEvent_IsAcknowledgedAndIgnored()
    {
        const string subscribe = "<xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[o1]]></FromUserName><CreateTime>1</CreateTime>"
            + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[subscribe]]></Event><ScanCodeInfo><ScanType>x</ScanType></ScanCodeInfo></xml>";

        var response = await _account.Callback.HandleAsync("POST", Query(), Body(subscribe), CancellationToken.None);

        Assert.Equal((200, "success"), (response.StatusCode, response.Body));
        Assert.False(_account.Receipts.TryRead(out _));
    }

    [Fact]
    public async Task Post_InSafeMode_ToAnAccountWithoutEncodingAesKey_IsRefusedWithAReasonAnOperatorCanActOn()
    {
        var response = await _account.Callback.HandleAsync("POST", Query(("encrypt_type", "aes")), Body("<xml><Encrypt>abc</Encrypt></xml>"), CancellationToken.None);

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("EncodingAesKey", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_IsRefused()
    {
        Assert.Equal(405, (await _account.Callback.HandleAsync("PUT", Query(), Body("<xml/>"), CancellationToken.None)).StatusCode);
    }

    /// <summary>The event body as WeChat documents it for TEMPLATESENDJOBFINISH.</summary>
    private static string Event(string msgId, string status) =>
        "<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[oia2TjuEGTNoeX76QEjQNrcURxG8]]></FromUserName>"
        + "<CreateTime>1395658920</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event>"
        + $"<MsgID>{msgId}</MsgID><Status><![CDATA[{status}]]></Status></xml>";

    private static MemoryStream Body(string text) => new(Encoding.UTF8.GetBytes(text));

    private static Dictionary<string, string?> Query(params (string Name, string Value)[] extra)
    {
        var query = new Dictionary<string, string?> { ["signature"] = Signature, ["timestamp"] = Timestamp, ["nonce"] = Nonce };
        foreach (var (name, value) in extra)
        {
            query[name] = value;
        }

        return query;
    }
}
