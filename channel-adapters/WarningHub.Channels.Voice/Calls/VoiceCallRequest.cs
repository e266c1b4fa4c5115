using System.Text.Json.Serialization;

namespace WarningHub.Channels.Voice;

/// <summary>
/// The JSON body of one call request (POST to <see cref="VoiceGatewayOptions.Url"/>): whom to call, from which
/// number, what to say, and where to post the result.
/// </summary>
/// <param name="CallId">The hub's name for the call; the result callback carries it back.</param>
/// <param name="Callee">The officer's mobile number.</param>
/// <param name="CallerId">The number shown (显号).</param>
/// <param name="Text">What the call speaks (text to speech).</param>
/// <param name="Repeats">How many times the text is played.</param>
/// <param name="MaxDurationSeconds">Longest the call may last.</param>
/// <param name="CallbackUrl">Where the result is posted, signed; null when none was configured.</param>
public sealed record VoiceCallRequest(
    [property: JsonPropertyName("callId")] string CallId,
    [property: JsonPropertyName("callee")] string Callee,
    [property: JsonPropertyName("callerId")] string CallerId,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("repeats")] int Repeats,
    [property: JsonPropertyName("maxDurationSeconds")] int MaxDurationSeconds,
    [property: JsonPropertyName("callbackUrl")] string? CallbackUrl);

/// <summary>How a call ended, as the gateway reports it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VoiceCallOutcome>))]
public enum VoiceCallOutcome
{
    /// <summary>The callee picked up (see the keypress).</summary>
    [JsonStringEnumMemberName("answered")] Answered = 1,

    /// <summary>The line was busy.</summary>
    [JsonStringEnumMemberName("busy")] Busy = 2,

    /// <summary>It rang and nobody picked up.</summary>
    [JsonStringEnumMemberName("noAnswer")] NoAnswer = 3,

    /// <summary>The call could not be made (network, number not in service).</summary>
    [JsonStringEnumMemberName("failed")] Failed = 4,

    /// <summary>The handset was off or out of coverage (关机).</summary>
    [JsonStringEnumMemberName("poweredOff")] PoweredOff = 5,
}

/// <summary>The JSON body of a result callback (POST by the gateway to the hub, signed like a request).</summary>
/// <param name="CallId">The call's id from the request.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Keypress">The keys the callee pressed (for example "1"), or null.</param>
/// <param name="EndedAt">When the call ended.</param>
public sealed record VoiceCallReport(
    [property: JsonPropertyName("callId")] string CallId,
    [property: JsonPropertyName("outcome")] VoiceCallOutcome Outcome,
    [property: JsonPropertyName("keypress")] string? Keypress,
    [property: JsonPropertyName("endedAt")] DateTimeOffset EndedAt)
{
    /// <summary>True when the callee picked up and pressed 1: the officer confirmed receipt.</summary>
    [JsonIgnore]
    public bool Confirmed => Outcome == VoiceCallOutcome.Answered && Keypress is { } keys && keys.Trim().StartsWith('1');
}
