using Microsoft.Extensions.Options;
using WarningHub.Core.Cap;

namespace WarningHub.Engine.Approval;

/// <summary>
/// The "WarningHub:Approval" section: who must approve what before it is released (审核签发), and how long a
/// warning may wait before the next approver is called.
/// </summary>
public sealed class ApprovalOptions
{
    public const string Section = "WarningHub:Approval";

    /// <summary>
    /// Rules in order; the first whose agency, level and status match decides. When none matches, orange and red
    /// Actual warnings (and Actual ones without a readable level) need two different approvers and everything else is
    /// released at once (<see cref="ApprovalPolicy.Default"/>).
    /// </summary>
    public List<ApprovalRule> Rules { get; set; } = [];

    /// <summary>How long a warning waits for approval before the next approver is called by SMS, and again after each call.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often pending warnings are checked against their deadlines and expiry.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>One policy line: for this agency, these levels and these CAP statuses, this many distinct approvers.</summary>
public sealed class ApprovalRule
{
    /// <summary>The agency's name (as in Hub:Agencies, or an upstream feed's Agency); empty matches every agency.</summary>
    public string Agency { get; set; } = "";

    /// <summary>Red, Orange, Yellow, Blue, or None for a warning without a level; empty matches every level.</summary>
    public List<string> Levels { get; set; } = [];

    /// <summary>CAP statuses (Actual, Exercise, System, Test, Draft); empty matches every status.</summary>
    public List<string> Statuses { get; set; } = [];

    /// <summary>0: released at once (for example earthquake early warnings); 1: one approver; 2: two different approvers.</summary>
    public int Approvers { get; set; }
}

/// <summary>Every problem of the approval settings, each named.</summary>
public sealed class ApprovalOptionsValidator : IValidateOptions<ApprovalOptions>
{
    public ValidateOptionsResult Validate(string? name, ApprovalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Deadline <= TimeSpan.Zero) failures.Add($"{nameof(ApprovalOptions.Deadline)} must be positive (was {options.Deadline}).");
        if (options.CheckInterval < TimeSpan.FromMilliseconds(10) || options.CheckInterval > TimeSpan.FromMinutes(5))
            failures.Add($"{nameof(ApprovalOptions.CheckInterval)} must be 10 ms..5 min (was {options.CheckInterval}).");
        for (var i = 0; i < options.Rules.Count; i++)
        {
            var rule = options.Rules[i];
            var at = $"{nameof(ApprovalOptions.Rules)}[{i}]";
            if (rule.Approvers is < 0 or > 2)
                failures.Add($"{at}.{nameof(ApprovalRule.Approvers)} must be 0 (release at once), 1 or 2 (two different approvers); was {rule.Approvers}.");
            foreach (var level in rule.Levels.Where(l => l != "None" && !Enum.TryParse<WarningLevel>(l, ignoreCase: false, out _)))
                failures.Add($"{at}.{nameof(ApprovalRule.Levels)}: '{level}' is not a level (Red, Orange, Yellow, Blue, None).");
            foreach (var status in rule.Statuses.Where(s => !Enum.TryParse<CapStatus>(s, ignoreCase: false, out _)))
                failures.Add($"{at}.{nameof(ApprovalRule.Statuses)}: '{status}' is not a CAP status ({string.Join(", ", Enum.GetNames<CapStatus>())}).");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
