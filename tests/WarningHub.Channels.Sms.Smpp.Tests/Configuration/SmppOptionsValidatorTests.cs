namespace WarningHub.Channels.Sms.Smpp.Tests.Configuration;

public class SmppOptionsValidatorTests
{
    private static SmppOptions Valid() => new() { Host = "smsc.example", SystemId = "jingyan", Password = "secret", SourceAddress = "12379" };

    [Fact]
    public void Validate_ValidOptions_Succeeds()
    {
        Assert.True(new SmppOptionsValidator().Validate("mobile", Valid()).Succeeded);
    }

    [Fact]
    public void Validate_ReportsEveryFailureAtOnce_NamingEachProperty()
    {
        var options = new SmppOptions
        {
            Host = "",
            Port = 0,
            SystemId = "a-system-id-longer-than-15",
            Password = "toolongpassword",
            Binds = 0,
            Window = 0,
            RateLimitPerSecond = -1,
            MaxParts = 256,
            ResponseTimeout = TimeSpan.Zero,
            EnquireLinkInterval = TimeSpan.FromSeconds(-1),
            ReconnectMin = TimeSpan.FromSeconds(10),
            ReconnectMax = TimeSpan.FromSeconds(1),
            SourceAddress = "短信",
            SourceTon = 9,
            ThrottleMaxAttempts = 0,
            ConcatenationReferenceBits = 12,
            ResendMemoryTtl = TimeSpan.Zero,
        };

        var result = new SmppOptionsValidator().Validate("mobile", options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        foreach (var property in new[]
                 {
                     nameof(SmppOptions.Host), nameof(SmppOptions.Port), nameof(SmppOptions.SystemId), nameof(SmppOptions.Password),
                     nameof(SmppOptions.Binds), nameof(SmppOptions.Window), nameof(SmppOptions.RateLimitPerSecond), nameof(SmppOptions.MaxParts),
                     nameof(SmppOptions.ResponseTimeout), nameof(SmppOptions.EnquireLinkInterval), nameof(SmppOptions.ReconnectMax),
                     nameof(SmppOptions.SourceAddress), nameof(SmppOptions.SourceTon), nameof(SmppOptions.ThrottleMaxAttempts),
                     nameof(SmppOptions.ConcatenationReferenceBits), nameof(SmppOptions.ResendMemoryTtl),
                 })
        {
            Assert.Contains(failures, f => f.Contains($": {property} ", StringComparison.Ordinal));
        }

        Assert.All(failures, f => Assert.StartsWith("SMPP gateway 'mobile': ", f, StringComparison.Ordinal));
        Assert.Equal(16, failures.Count);
    }
}
