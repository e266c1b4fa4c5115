namespace WarningHub.Channels.WeChat.Tests.Callbacks;

public class WeChatSignatureTests
{
    // Vectors computed outside .NET: printf '%s' '<sorted and joined>' | sha1sum.
    [Theory]
    [InlineData("simtoken2024", "1714370000", "123456789", "67fe8101467216f2cc98b398affd59e221642736")]
    [InlineData("weixin", "1409735669", "1320562132", "0269da5638d2e513dbe301d48d5dcdae1d31ccfa")]
    public void Compute_SortsTokenTimestampAndNonceThenHashesWithSha1(string token, string timestamp, string nonce, string expected)
    {
        Assert.Equal(expected, WeChatSignature.Compute(token, timestamp, nonce));
        Assert.True(WeChatSignature.Verify(token, timestamp, nonce, expected));
    }

    [Fact]
    public void Verify_AcceptsUpperCaseHex()
    {
        Assert.True(WeChatSignature.Verify("weixin", "1409735669", "1320562132", "0269DA5638D2E513DBE301D48D5DCDAE1D31CCFA"));
    }

    [Theory]
    [InlineData("weixin", "1409735669", "1320562132", "0269da5638d2e513dbe301d48d5dcdae1d31ccfb")] // last digit changed
    [InlineData("weixin", "1409735669", "1320562133", "0269da5638d2e513dbe301d48d5dcdae1d31ccfa")] // nonce changed
    [InlineData("weixim", "1409735669", "1320562132", "0269da5638d2e513dbe301d48d5dcdae1d31ccfa")] // wrong token
    [InlineData("weixin", "1409735669", "1320562132", "0269da5638d2e513dbe301d48d5dcdae1d31cc")] // too short
    [InlineData("weixin", "1409735669", "1320562132", "0269da5638d2e513dbe301d48d5dcdae1d31ccfaff")] // too long
    [InlineData("weixin", "1409735669", "1320562132", "zz69da5638d2e513dbe301d48d5dcdae1d31ccfa")] // not hex
    [InlineData("weixin", "1409735669", "1320562132", "")]
    public void Verify_RefusesAForgedOrMalformedSignature(string token, string timestamp, string nonce, string signature)
    {
        Assert.False(WeChatSignature.Verify(token, timestamp, nonce, signature));
    }

    [Fact]
    public void Verify_DoesNotAcceptTheJoinedStringInAnotherOrder()
    {
        // SHA-1 of the unsorted concatenation token + timestamp + nonce (printf '%s' weixin14097356691320562132 | sha1sum):
        // the order is part of the scheme, so it must not verify.
        const string unsorted = "fafb2fa005a2704ae71d9083a50d680bc2fc4207";

        Assert.False(WeChatSignature.Verify("weixin", "1409735669", "1320562132", unsorted));
    }
}
