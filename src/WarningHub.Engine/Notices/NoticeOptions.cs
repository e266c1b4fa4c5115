using Microsoft.Extensions.Options;

namespace WarningHub.Engine.Notices;

/// <summary>How officer notices are sent (settings section <c>Notices</c>).</summary>
public sealed class NoticeOptions
{
    /// <summary>How often the sender looks for notices due (retries, and those a restart left); enqueueing also wakes it.</summary>
    /// <value>1 second.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a notice waits, without spending an attempt, when its gateway is down.</summary>
    /// <value>5 seconds.</value>
    public TimeSpan GatewayWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Audiences whose SMS notices go as flash SMS (闪信, shown at once, not stored): <c>acknowledgement</c> (叫应 calls,
    /// reminders and the lists of silent officers) and <c>officer</c> (any other officer notice). Public warnings are
    /// never flash. Handsets and gateways that do not support it show an ordinary message, or nothing: try it first.
    /// </summary>
    /// <value>None.</value>
    public IList<string> FlashFor { get; } = [];

    /// <summary>
    /// The warning levels (Red, Orange, Yellow, Blue) whose 叫应 also places a voice call (语音通知) to every officer
    /// called, and calls the silent ones again at the deadline with the reminder, when a voice gateway is configured
    /// (<c>WarningHub:Voice:&lt;name&gt;</c>). Null until set, so a configured list replaces the default.
    /// </summary>
    /// <value>null: Red only.</value>
    public List<string>? VoiceFor { get; set; }

    /// <summary>True when 叫应 at <paramref name="level"/> (its English name) places voice calls.</summary>
    public bool CallsByVoice(string level) => (VoiceFor ?? ["Red"]).Contains(level, StringComparer.OrdinalIgnoreCase);
}

/// <summary>Reports every invalid notice setting at start-up.</summary>
public sealed class NoticeOptionsValidator : IValidateOptions<NoticeOptions>
{
    public ValidateOptionsResult Validate(string? name, NoticeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.PollInterval < TimeSpan.FromMilliseconds(10) || options.PollInterval > TimeSpan.FromMinutes(1))
            failures.Add($"{nameof(NoticeOptions.PollInterval)} must be 10 ms..1 min (was {options.PollInterval}).");
        if (options.GatewayWait < TimeSpan.FromMilliseconds(10) || options.GatewayWait > TimeSpan.FromMinutes(10))
            failures.Add($"{nameof(NoticeOptions.GatewayWait)} must be 10 ms..10 min (was {options.GatewayWait}).");
        foreach (var audience in options.FlashFor.Where(a => !NoticeAudience.All.Contains(a, StringComparer.Ordinal)))
            failures.Add($"{nameof(NoticeOptions.FlashFor)}: '{audience}' is no audience; use {string.Join(" or ", NoticeAudience.All)}.");
        foreach (var level in (options.VoiceFor ?? []).Where(l => l is not ("Red" or "Orange" or "Yellow" or "Blue")))
            failures.Add($"{nameof(NoticeOptions.VoiceFor)}: '{level}' is not a level (Red, Orange, Yellow, Blue).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
