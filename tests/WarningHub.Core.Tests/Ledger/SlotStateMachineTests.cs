using WarningHub.Abstractions;
using WarningHub.Core.Ledger;

namespace WarningHub.Core.Tests.Ledger;

public sealed class SlotStateMachineTests
{
    public static TheoryData<DeliveryStatus> FinalStates => new(Enum.GetValues<DeliveryStatus>().Where(s => s.IsFinal()));

    [Theory]
    [MemberData(nameof(FinalStates))]
    public void FinalStates_AreNeverLeft(DeliveryStatus final)
    {
        foreach (var to in Enum.GetValues<DeliveryStatus>())
        {
            Assert.False(SlotStateMachine.CanMove(final, to), $"{final} -> {to} must be refused");
        }
    }

    [Theory]
    [InlineData(DeliveryStatus.Planned, DeliveryStatus.Sending, true)]
    [InlineData(DeliveryStatus.Sending, DeliveryStatus.Sent, true)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Delivered, true)]
    [InlineData(DeliveryStatus.Sending, DeliveryStatus.Queued, true)]
    [InlineData(DeliveryStatus.Planned, DeliveryStatus.Sent, false)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Cancelled, false)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Expired, false)]
    [InlineData(DeliveryStatus.Sent, DeliveryStatus.Queued, false)]
    [InlineData(DeliveryStatus.Queued, DeliveryStatus.Delivered, false)]
    public void Transitions_FollowTheArchitecture(DeliveryStatus from, DeliveryStatus to, bool allowed) =>
        Assert.Equal(allowed, SlotStateMachine.CanMove(from, to));

    [Fact]
    public void ProgressStates_AreOrdered_SoAtLeastSentReadsNaturally()
    {
        Assert.True(DeliveryStatus.Planned < DeliveryStatus.Queued);
        Assert.True(DeliveryStatus.Queued < DeliveryStatus.Sending);
        Assert.True(DeliveryStatus.Sending < DeliveryStatus.Sent);
        Assert.True(DeliveryStatus.Sent < DeliveryStatus.Delivered);
        Assert.True(DeliveryStatus.Delivered < DeliveryStatus.Failed);
    }
}
