namespace WarningHub.Channels.Sms.Cmpp.Tests.Configuration;

public class CmppOptionsValidatorTests
{
    [Fact]
    public void Validate_ListsEveryFailureAtOnce_EachNamedByItsProperty()
    {
        var options = new CmppOptions
        {
            Host = "",
            Port = 0,
            Version = 4,
            SourceAddr = "12345",
            SharedSecret = "",
            ServiceId = "WAY-TOO-LONG-ID",
            SrcId = "1065x",
            Binds = 0,
            Window = 0,
            RateLimitPerSecond = -1,
            MaxParts = 0,
            MaxResends = -1,
            ResponseTimeout = TimeSpan.Zero,
            ActiveTestInterval = TimeSpan.Zero,
            ReconnectMin = TimeSpan.FromSeconds(5),
            ReconnectMax = TimeSpan.FromSeconds(1),
        };

        var result = new CmppOptionsValidator().Validate("mobile", options);

        Assert.True(result.Failed);
        string[] named =
        [
            nameof(CmppOptions.Host), nameof(CmppOptions.Port), nameof(CmppOptions.Version), nameof(CmppOptions.SourceAddr),
            nameof(CmppOptions.SharedSecret), nameof(CmppOptions.ServiceId), nameof(CmppOptions.SrcId), nameof(CmppOptions.Binds),
            nameof(CmppOptions.Window), nameof(CmppOptions.RateLimitPerSecond), nameof(CmppOptions.MaxParts),
            nameof(CmppOptions.MaxResends), nameof(CmppOptions.ResponseTimeout), nameof(CmppOptions.ActiveTestInterval),
            nameof(CmppOptions.ReconnectMax),
        ];
        foreach (var property in named)
        {
            Assert.Contains(result.Failures!, f => f.Contains($"'mobile': {property} ", StringComparison.Ordinal));
        }

        Assert.Equal(named.Length, result.Failures!.Count());
    }

    [Fact]
    public void Validate_ASensibleGateway_Succeeds()
    {
        var options = new CmppOptions { Host = "127.0.0.1", SourceAddr = "901234", SharedSecret = "secret", SrcId = "10657001", ServiceId = "WARN" };

        Assert.True(new CmppOptionsValidator().Validate("mobile", options).Succeeded);
    }
}
