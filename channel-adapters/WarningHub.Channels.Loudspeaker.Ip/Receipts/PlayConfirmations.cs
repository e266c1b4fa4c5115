using WarningHub.Abstractions;

namespace WarningHub.Channels.Loudspeaker.Ip.Receipts;

/// <summary>
/// Plays waiting for their confirmation. A play is expected from one terminal (unicast, HTTP) or from every member
/// of a multicast group that could play when it was sent. All of them saying "played" gives a Delivered receipt
/// (code PLAYED); any one saying it could not play gives a Failed receipt at once (code NOT_PLAYED). A play not
/// confirmed by its deadline is dropped without a receipt: the engine's receipt window then marks it Unconfirmed,
/// which is the truth (plain RTP has no acknowledgement of its own).
/// </summary>
internal sealed class PlayConfirmations(TimeProvider time, Action<Receipt> publish)
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Pending> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Terminal, string PlayId), Pending> _byTerminal = [];
    private DateTimeOffset _lastSweep;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byId.Count;
            }
        }
    }

    /// <summary>Expects <paramref name="playId"/> to be confirmed by each of <paramref name="terminals"/> before <paramref name="deadline"/>.</summary>
    public void Expect(string providerMessageId, string playId, IReadOnlyCollection<string> terminals, DateTimeOffset deadline)
    {
        var pending = new Pending(providerMessageId, playId, new HashSet<string>(terminals, StringComparer.Ordinal), deadline);
        lock (_gate)
        {
            SweepLocked();
            _byId[providerMessageId] = pending;
            foreach (var terminal in terminals)
            {
                _byTerminal[(terminal, playId)] = pending;
            }
        }
    }

    public bool IsExpected(string terminal, string playId)
    {
        lock (_gate)
        {
            return _byTerminal.ContainsKey((terminal, playId));
        }
    }

    /// <summary>Drops a play without a receipt (its send failed).</summary>
    public void Forget(string providerMessageId)
    {
        lock (_gate)
        {
            if (_byId.Remove(providerMessageId, out var pending))
            {
                RemoveLocked(pending);
            }
        }
    }

    /// <summary>A terminal's word on a play; returns whether it matched an expected play.</summary>
    public bool OnReport(string terminal, string playId, bool played)
    {
        Receipt? receipt = null;
        lock (_gate)
        {
            SweepLocked();
            if (!_byTerminal.Remove((terminal, playId), out var pending))
            {
                return false;
            }

            pending.Outstanding.Remove(terminal);
            if (!played || pending.Outstanding.Count == 0)
            {
                _byId.Remove(pending.ProviderMessageId);
                RemoveLocked(pending);
                receipt = new Receipt(
                    pending.ProviderMessageId,
                    played ? DeliveryStatus.Delivered : DeliveryStatus.Failed,
                    played ? "PLAYED" : "NOT_PLAYED",
                    time.GetUtcNow());
            }
        }

        if (receipt is not null)
        {
            publish(receipt);
        }

        return true;
    }

    private void RemoveLocked(Pending pending)
    {
        foreach (var terminal in pending.Outstanding)
        {
            _byTerminal.Remove((terminal, pending.PlayId));
        }
    }

    private void SweepLocked()
    {
        var now = time.GetUtcNow();
        if (now - _lastSweep < SweepEvery)
        {
            return;
        }

        _lastSweep = now;
        foreach (var pending in _byId.Values.Where(p => p.Deadline < now).ToList())
        {
            _byId.Remove(pending.ProviderMessageId);
            RemoveLocked(pending);
        }
    }

    private sealed record Pending(string ProviderMessageId, string PlayId, HashSet<string> Outstanding, DateTimeOffset Deadline);
}
