using Microsoft.Extensions.Options;
using WarningHub.Core.Cap;
using WarningHub.Engine.Approval;

namespace WarningHub.Engine.Tests.Approval;

public sealed class ApprovalPolicyTests
{
    private static ApprovalPolicy Policy(params ApprovalRule[] rules) => new(Options.Create(new ApprovalOptions { Rules = [.. rules] }));

    [Theory]
    [InlineData(WarningLevel.Red, CapStatus.Actual, 2)]
    [InlineData(WarningLevel.Orange, CapStatus.Actual, 2)]
    [InlineData(null, CapStatus.Actual, 2)]
    [InlineData(WarningLevel.Yellow, CapStatus.Actual, 0)]
    [InlineData(WarningLevel.Red, CapStatus.Exercise, 0)]
    [InlineData(WarningLevel.Red, CapStatus.Test, 0)]
    public void WithoutRules_TheDefault_HoldsOrangeRedAndUnreadableActualForTwo(WarningLevel? level, CapStatus status, int approvers) =>
        Assert.Equal(approvers, Policy().ApproversFor("weather", CapMsgType.Alert, level, status));

    [Fact]
    public void TheFirstMatchingRuleDecides_ByAgencyLevelAndStatus_AndACancelNeverWaits()
    {
        var policy = Policy(
            new ApprovalRule { Agency = "earthquake", Approvers = 0 },
            new ApprovalRule { Levels = ["Red"], Statuses = ["Actual"], Approvers = 2 },
            new ApprovalRule { Levels = ["Yellow", "None"], Approvers = 1 });

        Assert.Equal(0, policy.ApproversFor("earthquake", CapMsgType.Alert, WarningLevel.Red, CapStatus.Actual));
        Assert.Equal(2, policy.ApproversFor("weather", CapMsgType.Update, WarningLevel.Red, CapStatus.Actual));
        Assert.Equal(1, policy.ApproversFor("weather", CapMsgType.Alert, WarningLevel.Yellow, CapStatus.Exercise));
        Assert.Equal(1, policy.ApproversFor("weather", CapMsgType.Alert, null, CapStatus.Actual));
        // No rule matches an orange Actual: the default holds it for two.
        Assert.Equal(2, policy.ApproversFor("weather", CapMsgType.Alert, WarningLevel.Orange, CapStatus.Actual));
        Assert.Equal(0, policy.ApproversFor("weather", CapMsgType.Cancel, WarningLevel.Red, CapStatus.Actual));
    }
}
