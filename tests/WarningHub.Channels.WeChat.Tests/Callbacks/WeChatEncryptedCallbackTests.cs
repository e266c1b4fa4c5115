using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Channels.WeChat.Tests.Support;

namespace WarningHub.Channels.WeChat.Tests.Callbacks;

/// <summary>
/// Safe and compatible modes and JSON pushes (issue 11: all three got 400 and their receipts were lost). Encrypted
/// bodies are made with openssl from WeChat's published algorithm, and Tencent's own sample vector is decrypted.
/// </summary>
public sealed class WeChatEncryptedCallbackTests : IDisposable
{
    private const string Token = "simtoken2024";
    private const string AesKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1714370000);
    private readonly WeChatOfficialAccount _account;
    private int _nonce = 1000;

    public WeChatEncryptedCallbackTests()
    {
        var options = Accounts.Options(new Uri("http://127.0.0.1:9/"), Token);
        options.EncodingAesKey = AesKey;
        _account = new WeChatOfficialAccount("county", options, time: new FakeTimeProvider(Now));
    }

    private static string AppId => Accounts.Options(new Uri("http://127.0.0.1:9/")).AppId;

    public void Dispose() => _account.Dispose();

    [Fact]
    public void TencentsPublishedSample_Verifies_AndDecryptsToItsMessage()
    {
        // The sample of WeChat's message-encryption guide: token spamtest, AppID wx2c2769f8efd9abc2.
        const string encrypt = "hyzAe4OzmOMbd6TvGdIOO6uBmdJoD0Fk53REIHvxYtJlE2B655HuD0m8KUePWB3+LrPXo87wzQ1QLvbeUgmBM4x6F8PGHQHFVAFmOD2LdJF9FrXpbUAh0B5GIItb52sn896wVsMSHGuPE328HnRGBcrS7C41IzDWyWNlZkyyXwon8T332jisa+h6tEDYsVticbSnyU8dKOIbgU6ux5VTjg3yt+WGzjlpKn6NPhRjpA912xMezR4kw6KWwMrCVKSVCZciVGCgavjIQ6X8tCOp3yZbGpy0VxpAe+77TszTfRd5RJSVO/HTnifJpXgCSUdUue1v6h0EIBYYI1BD1DlD+C0CR8e6OewpusjZ4uBl9FyJvnhvQl+q5rv1ixrcpCumEPo5MJSgM9ehVsNPfUM669WuMyVWQLCzpu9GhglF2PE=";

        Assert.True(WeChatMessageCrypto.Verify("spamtest", "1409735669", "1320562132", encrypt, "5d197aaffba7e9b25a30732f161a50dee96bd5fa"));
        Assert.False(WeChatMessageCrypto.Verify("spamtest", "1409735670", "1320562132", encrypt, "5d197aaffba7e9b25a30732f161a50dee96bd5fa"));
        var message = new WeChatMessageCrypto(AesKey, "wx2c2769f8efd9abc2").Decrypt(encrypt, out var error);
        Assert.True(message is not null, error);
        var text = Encoding.UTF8.GetString(message);
        Assert.StartsWith("<xml><ToUserName><![CDATA[gh_10f6c3c3ac5a]]></ToUserName>", text, StringComparison.Ordinal);
        Assert.EndsWith("<MsgId>6054768590064713728</MsgId>\n</xml>", text, StringComparison.Ordinal);
        Assert.Null(new WeChatMessageCrypto(AesKey, "wx0000000000000000").Decrypt(encrypt, out var other));
        Assert.Contains("another AppID", other, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SafeMode_AnOpenSslEncryptedSendFinish_BecomesAReceipt()
    {
        var encrypt = await OpenSslEncryptAsync(Event("200163836", "success"));
        var (query, _) = Signed(encrypt);

        var response = await PostAsync(query, $"<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");

        Assert.Equal((200, "success"), (response.StatusCode, response.Body));
        Assert.True(_account.Receipts.TryRead(out var receipt));
        Assert.Equal(("200163836", DeliveryStatus.Delivered), (receipt.ProviderMessageId, receipt.Status));
    }

    [Fact]
    public async Task CompatibleMode_TrustsOnlyTheEncryptedPart_NotThePlaintextBesideIt()
    {
        var encrypt = await OpenSslEncryptAsync(Event("200163836", "success"));
        var (query, _) = Signed(encrypt);
        var body = Event("999", "failed:user block").Replace("</xml>", $"<Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>", StringComparison.Ordinal);

        var response = await PostAsync(query, body);

        Assert.Equal(200, response.StatusCode);
        Assert.True(_account.Receipts.TryRead(out var receipt));
        Assert.Equal(("200163836", DeliveryStatus.Delivered), (receipt.ProviderMessageId, receipt.Status));
        Assert.False(_account.Receipts.TryRead(out _));
    }

    [Fact]
    public async Task SafeMode_JsonFormat_IsDecryptedAndBecomesAReceipt()
    {
        var json = """{"ToUserName":"gh_7f083739789a","FromUserName":"oia2TjuEGTNoeX76QEjQNrcURxG8","CreateTime":1395658920,"MsgType":"event","Event":"TEMPLATESENDJOBFINISH","MsgID":200163840,"Status":"failed:user block"}""";
        var encrypt = await OpenSslEncryptAsync(json);
        var (query, _) = Signed(encrypt);

        var response = await PostAsync(query, $$"""{"ToUserName":"gh_7f083739789a","Encrypt":"{{encrypt}}"}""");

        Assert.Equal(200, response.StatusCode);
        Assert.True(_account.Receipts.TryRead(out var receipt));
        Assert.Equal(("200163840", DeliveryStatus.Failed, "failed:user block", DateTimeOffset.FromUnixTimeSeconds(1395658920)),
            (receipt.ProviderMessageId, receipt.Status, receipt.Code, receipt.At));
    }

    [Fact]
    public async Task PlaintextMode_JsonFormat_BecomesAReceipt()
    {
        using var plain = new WeChatOfficialAccount("plain", Accounts.Options(new Uri("http://127.0.0.1:9/"), Token), time: new FakeTimeProvider(Now));
        var (query, _) = Signed("");
        var json = "\uFEFF{\"MsgType\":\"event\",\"Event\":\"TEMPLATESENDJOBFINISH\",\"MsgID\":200163836,\"Status\":\"success\",\"CreateTime\":1395658920}";

        var response = await plain.Callback.HandleAsync("POST", query, new MemoryStream(Encoding.UTF8.GetBytes(json)), CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.True(plain.Receipts.TryRead(out var receipt));
        Assert.Equal(("200163836", DeliveryStatus.Delivered), (receipt.ProviderMessageId, receipt.Status));
    }

    [Fact]
    public async Task SafeMode_WithAMsgSignatureOfAnotherBody_IsRefusedAndPublishesNothing()
    {
        var encrypt = await OpenSslEncryptAsync(Event("200163836", "success"));
        var other = await OpenSslEncryptAsync(Event("200163837", "success"));
        var (query, _) = Signed(other);

        var response = await PostAsync(query, $"<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");

        Assert.Equal(403, response.StatusCode);
        Assert.Contains("msg_signature", response.Body, StringComparison.Ordinal);
        Assert.False(_account.Receipts.TryRead(out _));
    }

    [Fact]
    public async Task AnAccountWithAnEncodingAesKey_RefusesAPlaintextPush_WhoseBodyNobodySigned()
    {
        var (query, _) = Signed("");

        var response = await PostAsync(query, Event("200163836", "success"));

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("no Encrypt part", response.Body, StringComparison.Ordinal);
        Assert.False(_account.Receipts.TryRead(out _));
    }

    [Fact]
    public async Task SafeMode_EncryptedUnderAnotherKey_IsRefusedAndPublishesNothing()
    {
        var encrypt = await OpenSslEncryptAsync(Event("200163836", "success"), key: "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210abcdefg");
        var (query, _) = Signed(encrypt);

        var response = await PostAsync(query, $"<xml><Encrypt><![CDATA[{encrypt}]]></Encrypt></xml>");

        Assert.Equal(400, response.StatusCode);
        Assert.False(_account.Receipts.TryRead(out _));
    }

    /// <summary>The message wrapped as WeChat's guide says (random, length, message, AppID, padding to 32), encrypted by openssl.</summary>
    private static async Task<string> OpenSslEncryptAsync(string message, string key = AesKey)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var appId = Encoding.UTF8.GetBytes(AppId);
        var length = 20 + bytes.Length + appId.Length;
        var pad = 32 - (length % 32);
        var plain = new byte[length + pad];
        RandomNumberGenerator.Fill(plain.AsSpan(0, 16));
        BinaryPrimitives.WriteInt32BigEndian(plain.AsSpan(16), bytes.Length);
        bytes.CopyTo(plain, 20);
        appId.CopyTo(plain, 20 + bytes.Length);
        plain.AsSpan(length).Fill((byte)pad);
        var aes = Convert.FromBase64String(key + "=");
        return Convert.ToBase64String(await OpenSsl.EncryptAes256CbcAsync(aes, aes[..16], plain));
    }

    /// <summary>A query signed as WeChat signs it, with its msg_signature over <paramref name="encrypt"/>, and a fresh nonce.</summary>
    private (Dictionary<string, string?> Query, string Nonce) Signed(string encrypt)
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = (++_nonce).ToString(CultureInfo.InvariantCulture);
        var query = new Dictionary<string, string?>
        {
            ["signature"] = Sha1Sorted(Token, timestamp, nonce),
            ["timestamp"] = timestamp,
            ["nonce"] = nonce,
            ["openid"] = Accounts.OpenId,
            ["encrypt_type"] = encrypt.Length > 0 ? "aes" : null,
            ["msg_signature"] = encrypt.Length > 0 ? Sha1Sorted(Token, timestamp, nonce, encrypt) : null,
        };
        foreach (var empty in query.Where(q => q.Value is null).Select(q => q.Key).ToList())
        {
            query.Remove(empty);
        }

        return (query, nonce);
    }

    private static string Sha1Sorted(params string[] parts)
    {
        Array.Sort(parts, StringComparer.Ordinal);
#pragma warning disable CA5350 // WeChat's algorithm
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Join("", parts))));
#pragma warning restore CA5350
    }

    private ValueTask<WeChatCallbackResponse> PostAsync(Dictionary<string, string?> query, string body) =>
        _account.Callback.HandleAsync("POST", query, new MemoryStream(Encoding.UTF8.GetBytes(body)), CancellationToken.None);

    private static string Event(string msgId, string status) =>
        "<xml><ToUserName><![CDATA[gh_7f083739789a]]></ToUserName><FromUserName><![CDATA[oia2TjuEGTNoeX76QEjQNrcURxG8]]></FromUserName>"
        + "<CreateTime>1395658920</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event>"
        + $"<MsgID>{msgId}</MsgID><Status><![CDATA[{status}]]></Status></xml>";
}
