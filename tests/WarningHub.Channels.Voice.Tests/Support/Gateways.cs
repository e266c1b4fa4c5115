namespace WarningHub.Channels.Voice.Tests.Support;

internal static class Gateways
{
    public const string Secret = "0123456789abcdef-voice";

    public static VoiceGatewayOptions Options(Uri url, Action<VoiceGatewayOptions>? change = null)
    {
        var options = new VoiceGatewayOptions
        {
            Url = url,
            Secret = Secret,
            CallerId = "085112345",
            RateLimitPerSecond = 50,
            CallbackUrl = new Uri("http://127.0.0.1:9/api/v1/callbacks/voice/test"),
        };
        change?.Invoke(options);
        return options;
    }
}
