using WarningHub.Abstractions;

namespace WarningHub.Channels.Sms.Smpp.Gateway;

/// <summary>
/// What one send attempt of a message saw across its rounds (a round sends the missing parts back to back on one
/// bind): whether anything was queued, the first answer that ends the attempt, and throttling so far.
/// </summary>
internal sealed class AttemptTally
{
    /// <summary>A submit of this attempt was queued on a bind (the caller's token no longer stops the message).</summary>
    public bool AnyQueued { get; set; }

    /// <summary>A submit was written and not answered: the SMSC may have it, so the result is Unknown.</summary>
    public DeliveryResult? Unknown { get; set; }

    /// <summary>The SMSC refused a part for good.</summary>
    public DeliveryResult? Permanent { get; set; }

    /// <summary>The SMSC refused a part for now (not flow control).</summary>
    public DeliveryResult? Temporary { get; set; }

    /// <summary>In the last round some parts never left (the bind went down, or they waited past the timeout).</summary>
    public DeliveryResult? Unwritten { get; set; }

    /// <summary>Parts the SMSC throttled in the last round, to resubmit after <see cref="Pause"/>.</summary>
    public List<int> Throttled { get; } = [];

    public TimeSpan Pause { get; set; }

    public uint ThrottleStatus { get; set; }

    public int ThrottleRounds { get; set; }

    public long ThrottledSince { get; set; }

    public void StartRound()
    {
        Unwritten = null;
        Throttled.Clear();
    }
}
