using System.Text.Json;

namespace WarningHub.Channels.Voice;

/// <summary>What a result callback amounts to: a report to record, or a refusal with its HTTP status and reason.</summary>
/// <param name="Report">The call's result, when the callback is authentic and well formed.</param>
/// <param name="StatusCode">401 for a callback not signed with the secret, stale or replayed; 400 for a body that is no report; 200 otherwise.</param>
/// <param name="Refusal">Why it was refused, for the gateway's operator; null when accepted.</param>
public sealed record VoiceCallbackCheck(VoiceCallReport? Report, int StatusCode, string? Refusal);

/// <summary>
/// Checks one voice gateway's result callbacks before anything is recorded: signed with the gateway's secret (see
/// <see cref="VoiceSignature"/>), a timestamp within ±5 minutes of the hub's clock, and a nonce not seen before. The
/// signature is checked first, so a forger cannot use up nonces. Then the body is read as a <see cref="VoiceCallReport"/>.
/// </summary>
public sealed class VoiceCallback
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly VoiceGatewayOptions _options;
    private readonly ReplayWindow _replays;

    /// <summary>Creates the checker of one gateway's callbacks.</summary>
    /// <param name="options">The gateway's options; <see cref="VoiceGatewayOptions.Secret"/> checks the signatures.</param>
    /// <param name="time">The hub's clock, which timestamps are compared with.</param>
    public VoiceCallback(VoiceGatewayOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _replays = new ReplayWindow(time ?? TimeProvider.System);
    }

    /// <summary>Checks a callback's headers and body; nothing is remembered unless the signature is right.</summary>
    /// <param name="timestamp">The <see cref="VoiceSignature.TimestampHeader"/> value.</param>
    /// <param name="nonce">The <see cref="VoiceSignature.NonceHeader"/> value.</param>
    /// <param name="signature">The <see cref="VoiceSignature.SignatureHeader"/> value.</param>
    /// <param name="body">The raw body.</param>
    public VoiceCallbackCheck Check(string? timestamp, string? nonce, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(nonce) || string.IsNullOrEmpty(signature))
            return new(null, 401, $"{VoiceSignature.TimestampHeader}, {VoiceSignature.NonceHeader} and {VoiceSignature.SignatureHeader} are required");
        if (nonce.Length > 64) return new(null, 401, "the nonce is longer than 64 characters");
        if (!VoiceSignature.IsValid(_options.Secret, timestamp, nonce, body, signature))
            return new(null, 401, "the signature does not match the body and the gateway's secret");
        if (_replays.Admit(timestamp, nonce) is { } stale) return new(null, 401, stale);
        VoiceCallReport? report;
        try
        {
            report = JsonSerializer.Deserialize<VoiceCallReport>(body, Json);
        }
        catch (JsonException ex)
        {
            return new(null, 400, "the body is no call report: " + ex.Message);
        }

        if (report is null || string.IsNullOrWhiteSpace(report.CallId) || !Enum.IsDefined(report.Outcome))
            return new(null, 400, "the body is no call report: callId and outcome (answered, busy, noAnswer, failed, poweredOff) are required");
        return new(report, 200, null);
    }
}
