using System.Globalization;

namespace WarningHub.Channels.WeChat.Callbacks;

/// <summary>
/// Refuses a signed call whose timestamp is more than <see cref="Window"/> away from now, and one whose nonce was already
/// seen with that timestamp: a captured callback URL is worth nothing after the legitimate call used it. Nonces are kept
/// for the window only, so memory is bounded by the rate WeChat calls (which a forger cannot raise: the calls counted are
/// signed); past <see cref="MaxRemembered"/> the oldest are forgotten early rather than memory growing.
/// </summary>
internal sealed class ReplayWindow(TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    public const int MaxRemembered = 200_000;

    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset Until)> _order = new();
    private readonly Lock _gate = new();

    /// <summary>Null when the call is fresh (and its nonce is now remembered); otherwise why it is refused.</summary>
    public string? Admit(string timestamp, string nonce)
    {
        var now = time.GetUtcNow();
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return "timestamp is not Unix seconds";
        }

        var sent = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (sent < now - Window || sent > now + Window)
        {
            return $"timestamp is more than {Window.TotalMinutes:0} minutes from the hub's clock";
        }

        var key = timestamp + "|" + nonce;
        lock (_gate)
        {
            while (_order.Count > 0 && (_order.Peek().Until <= now || _order.Count >= MaxRemembered))
            {
                var (old, until) = _order.Dequeue();
                if (_seen.TryGetValue(old, out var kept) && kept == until)
                {
                    _seen.Remove(old);
                }
            }

            if (_seen.ContainsKey(key))
            {
                return "this nonce was already used (a replayed call)";
            }

            // Kept until the timestamp itself leaves the window: after that the timestamp check refuses it anyway.
            var keepUntil = sent + Window;
            _seen[key] = keepUntil;
            _order.Enqueue((key, keepUntil));
            return null;
        }
    }
}
