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
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
