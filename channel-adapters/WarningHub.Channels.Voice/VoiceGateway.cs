using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RestSharp;
using WarningHub.Abstractions;

namespace WarningHub.Channels.Voice;

/// <summary>
/// One HTTP voice-notification gateway (语音通知): a text becomes a phone call that speaks it (text to speech) to the
/// address, a mobile number, from the configured caller id. The request carries the hub's call id
/// (<see cref="MessageFields.CallId"/>), which the gateway's signed result callback (<see cref="VoiceCallback"/>) brings
/// back with the outcome: answered and the keys pressed, busy, no answer, failed, powered off. Acceptance is not an
/// answer: the callback is. Requests are paced at <see cref="VoiceGatewayOptions.RateLimitPerSecond"/>; a temporary
/// failure is the engine's to retry. Sending is in VoiceGateway.Send.cs.
/// </summary>
public sealed partial class VoiceGateway : ITextSender, IDisposable
{
    /// <summary>The ledger channel this adapter serves.</summary>
    public const string ChannelName = "voice";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly VoiceGatewayOptions _options;
    private readonly RestClient _client;
    private readonly CallPacer _pacer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the adapter.</summary>
    /// <param name="name">The gateway's name (the settings key); the adapter is <c>voice:</c><paramref name="name"/>.</param>
    /// <param name="options">Validated options (see <see cref="VoiceGatewayOptionsValidator"/>).</param>
    /// <param name="time">The clock of the pacing and of request timestamps.</param>
    /// <param name="loggerFactory">Logging; secrets are never written, numbers are masked.</param>
    public VoiceGateway(string name, VoiceGatewayOptions options, TimeProvider? time = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger<VoiceGateway>();
        _pacer = new CallPacer(options.RateLimitPerSecond, _time);
        _client = new RestClient(new RestClientOptions(options.Url ?? throw new ArgumentException("Url is required.", nameof(options)))
        {
            Timeout = options.Timeout,
            FollowRedirects = false,
            ThrowOnAnyError = false,
            UserAgent = "WarningHub",
        });
        Callback = new VoiceCallback(options, _time);
        Definition = new ChannelDefinition("voice:" + name, ChannelName, MaxTextLength: 500, SupportsReceipts: false, MaxInFlight: Math.Max(1, options.RateLimitPerSecond * 2))
        {
            Settings = new Dictionary<string, string>
            {
                [nameof(VoiceGatewayOptions.Url)] = "where call requests are POSTed",
                [nameof(VoiceGatewayOptions.Auth)] = "Hmac (signed requests) or HeaderKey",
                [nameof(VoiceGatewayOptions.Secret)] = "shared secret: signs requests, checks result callbacks (secret)",
                [nameof(VoiceGatewayOptions.ApiKey)] = "key sent with HeaderKey (secret)",
                [nameof(VoiceGatewayOptions.ApiKeyHeader)] = "header carrying the key",
                [nameof(VoiceGatewayOptions.CallerId)] = "number shown to the callee (显号)",
                [nameof(VoiceGatewayOptions.TtsTemplate)] = "what the call speaks; {text} is the headline",
                [nameof(VoiceGatewayOptions.RateLimitPerSecond)] = "most call requests a second",
                [nameof(VoiceGatewayOptions.Timeout)] = "time allowed for one HTTP request",
                [nameof(VoiceGatewayOptions.MaxCallDuration)] = "longest call",
                [nameof(VoiceGatewayOptions.PlaybackRepeats)] = "times the text is played in one call",
                [nameof(VoiceGatewayOptions.CallbackUrl)] = "where the gateway posts results (the hub's by default)",
            },
        };
    }

    /// <inheritdoc />
    public ChannelDefinition Definition { get; }

    /// <summary>Checks and reads this gateway's result callbacks.</summary>
    public VoiceCallback Callback { get; }

    /// <summary>The request body and headers a send would use, for tests and the simulator's documentation.</summary>
    internal (string Body, IReadOnlyList<KeyValuePair<string, string>> Headers) Compose(VoiceCallRequest request, DateTimeOffset at, string nonce)
    {
        var body = JsonSerializer.Serialize(request, Json);
        var headers = new List<KeyValuePair<string, string>>();
        if (_options.Auth == VoiceAuth.HeaderKey)
        {
            headers.Add(new(_options.ApiKeyHeader, _options.ApiKey));
        }
        else
        {
            var timestamp = VoiceSignature.TimestampOf(at);
            headers.Add(new(VoiceSignature.TimestampHeader, timestamp));
            headers.Add(new(VoiceSignature.NonceHeader, nonce));
            headers.Add(new(VoiceSignature.SignatureHeader, VoiceSignature.Compute(_options.Secret, timestamp, nonce, System.Text.Encoding.UTF8.GetBytes(body))));
        }

        return (body, headers);
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Voice call {CallId} to {Callee} accepted by {Gateway}")]
    private partial void LogAccepted(string callId, string callee, string gateway);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Voice call {CallId} to {Callee} not accepted by {Gateway}: {Reason}")]
    private partial void LogRefused(string callId, string callee, string gateway, string reason);
}
