using Microsoft.Extensions.Options;
using WarningHub.Core.Cap;

namespace WarningHub.Engine.Approval;

/// <summary>
/// How many distinct approvers a submission needs, per (agency, level, status), from <see cref="ApprovalOptions.Rules"/>.
/// A Cancel never waits: ending a warning (解除) must go out in seconds, and only the original sender may send one.
/// </summary>
public sealed class ApprovalPolicy(IOptions<ApprovalOptions> options)
{
    /// <summary>
    /// Without a matching rule: two different approvers for orange and red Actual warnings, and for an Actual warning
    /// whose level cannot be read (severity Unknown, no level parameter), which could otherwise be a red one that skips
    /// approval; none otherwise.
    /// </summary>
    public static int Default(WarningLevel? level, CapStatus status) =>
        status == CapStatus.Actual && level is null or WarningLevel.Red or WarningLevel.Orange ? 2 : 0;

    public int ApproversFor(string agency, CapMsgType msgType, WarningLevel? level, CapStatus status)
    {
        if (msgType == CapMsgType.Cancel) return 0;
        var levelName = level?.ToString() ?? "None";
        var statusName = status.ToString();
        foreach (var rule in options.Value.Rules)
        {
            if (rule.Agency.Length > 0 && !string.Equals(rule.Agency, agency, StringComparison.Ordinal)) continue;
            if (rule.Levels.Count > 0 && !rule.Levels.Contains(levelName, StringComparer.Ordinal)) continue;
            if (rule.Statuses.Count > 0 && !rule.Statuses.Contains(statusName, StringComparer.Ordinal)) continue;
            return rule.Approvers;
        }
        return Default(level, status);
    }
}
