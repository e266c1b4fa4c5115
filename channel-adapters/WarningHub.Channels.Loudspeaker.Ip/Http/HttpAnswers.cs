using System.Text.Json;
using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Ip.Terminals;

namespace WarningHub.Channels.Loudspeaker.Ip.Http;

/// <summary>An HTTP terminal's answer to <c>GET {base}/status</c>: <c>{"state":"normal","playId":"p-17","played":true}</c>.</summary>
internal sealed record StatusAnswer(TerminalState State, string? PlayId, bool? Played)
{
    public static StatusAnswer? Parse(string? body)
    {
        try
        {
            using var json = JsonDocument.Parse(body ?? string.Empty);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("state", out var state)
                || state.ValueKind != JsonValueKind.String
                || !TerminalStateWords.TryParse(state.GetString(), out var parsed))
            {
                return null;
            }

            var playId = root.TryGetProperty("playId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            bool? played = root.TryGetProperty("played", out var p) && p.ValueKind is JsonValueKind.True or JsonValueKind.False ? p.GetBoolean() : null;
            return new StatusAnswer(parsed, string.IsNullOrEmpty(playId) ? null : playId, played);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>How an HTTP exchange ended, before it is turned into a <see cref="DeliveryResult"/> or a state.</summary>
/// <param name="Reached">An HTTP answer came back (any status code).</param>
/// <param name="RequestMayHaveLeft">False only when the connection was never made (refused, no route, name).</param>
/// <param name="StatusCode">The HTTP status, 0 when not reached.</param>
/// <param name="Body">The answer's body.</param>
/// <param name="Problem">What went wrong, in words.</param>
/// <param name="RetryAfter">The answer's Retry-After, if any.</param>
internal sealed record HttpExchange(bool Reached, bool RequestMayHaveLeft, int StatusCode, string? Body, string Problem, TimeSpan? RetryAfter)
{
    public bool IsSuccess => Reached && StatusCode is >= 200 and < 300;

    /// <summary>The <c>playId</c> of a play answer (<c>{"playId":"…"}</c>), if it has one.</summary>
    public string? PlayId()
    {
        try
        {
            using var json = JsonDocument.Parse(Body ?? string.Empty);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("playId", out var id)
                && id.ValueKind == JsonValueKind.String
                && id.GetString() is { Length: > 0 and <= 64 } text
                ? text
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
