using System.Globalization;

namespace WarningHub.Channels.Voice;

/// <summary>
/// Refuses a signed callback whose timestamp is more than <see cref="Window"/> from now, and one whose nonce was already
/// seen: a captured callback is worth nothing once the gateway's own one used it. Nonces are kept while their
/// timestamp is inside the window (after that the timestamp check refuses the call anyway); past
/// <see cref="MaxRemembered"/> the oldest are forgotten early rather than memory growing.
/// </summary>
internal sealed class ReplayWindow(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    public const int MaxRemembered = 100_000;

    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Nonce, DateTimeOffset Until)> _order = new();
    private readonly Lock _gate = new();

    /// <summary>Null when the call is fresh (its nonce is now remembered); otherwise why it is refused.</summary>
    public string? Admit(string timestamp, string nonce)
    {
        var now = time.GetUtcNow();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            return "the timestamp is not Unix seconds";
        var sent = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (sent < now - Window || sent > now + Window) return "the timestamp is more than 5 minutes from the hub's clock";
        lock (_gate)
        {
            while (_order.Count > 0 && (_order.Peek().Until <= now || _order.Count >= MaxRemembered))
            {
                var (old, until) = _order.Dequeue();
                if (_seen.TryGetValue(old, out var kept) && kept == until) _seen.Remove(old);
            }

            if (_seen.ContainsKey(nonce)) return "the nonce was already used (a replayed callback)";
            var keepUntil = sent + Window;
            _seen[nonce] = keepUntil;
            _order.Enqueue((nonce, keepUntil));
            return null;
        }
    }
}
