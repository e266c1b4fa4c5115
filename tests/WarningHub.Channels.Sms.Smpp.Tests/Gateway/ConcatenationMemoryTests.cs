using Microsoft.Extensions.Time.Testing;
using WarningHub.Channels.Sms.Smpp.Gateway;

namespace WarningHub.Channels.Sms.Smpp.Tests.Gateway;

public class ConcatenationMemoryTests
{
    private const string Phone = "13800138000";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 7, 1, 4, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Preferred_IsAFixedFunctionOfTheSlot_SoARestartedProcessChoosesTheSameReference()
    {
        Assert.Equal(4512, ConcatenationMemory.Preferred(12345, 65_536));
        Assert.Equal(160, ConcatenationMemory.Preferred(12345, 256));

        var before = new ConcatenationMemory(_time, TimeSpan.FromHours(1), 65_536).Begin(12345, Phone, 3, 99);
        var afterRestart = new ConcatenationMemory(_time, TimeSpan.FromHours(1), 65_536).Begin(12345, Phone, 3, 99);

        Assert.Equal(before.Reference, afterRestart.Reference);
    }

    [Fact]
    public void Begin_ForTheSameSlotAgain_KeepsTheReferenceAndThePartsAlreadyAccepted()
    {
        var memory = new ConcatenationMemory(_time, TimeSpan.FromHours(1), 65_536);
        var first = memory.Begin(5, Phone, 3, 99);
        first.Accept(0, "A1");
        first.Accept(2, "A3");

        var again = memory.Begin(5, Phone, 3, 99);

        Assert.Same(first, again);
        Assert.Equal(("A1", (string?)null, "A3"), (again.IdOf(0), again.IdOf(1), again.IdOf(2)));
    }

    [Fact]
    public void Begin_WhenTheTextChanged_StartsOverWithNoAcceptedParts()
    {
        var memory = new ConcatenationMemory(_time, TimeSpan.FromHours(1), 65_536);
        memory.Begin(5, Phone, 3, 99).Accept(0, "A1");

        var changed = memory.Begin(5, Phone, 3, 100);

        Assert.Null(changed.IdOf(0));
        Assert.Equal(1, memory.Count);
    }

    [Fact]
    public void Begin_NeverGivesAPhoneAReferenceThatIsLiveForIt_ButAnotherPhoneMayHaveIt()
    {
        // Slots 4 and 10 prefer the same 8-bit reference (202).
        var memory = new ConcatenationMemory(_time, TimeSpan.FromHours(1), 256);
        var first = memory.Begin(4, Phone, 2, 1);

        var samePhone = memory.Begin(10, Phone, 2, 1);
        var otherPhone = memory.Begin(10_000_004, "13900139000", 2, 1);
        var otherOnFree = memory.Begin(10, "13700137000", 2, 1);

        Assert.Equal(202, first.Reference);
        Assert.NotEqual(first.Reference, samePhone.Reference);
        Assert.Equal(203, samePhone.Reference);
        Assert.Equal(ConcatenationMemory.Preferred(10_000_004, 256), otherPhone.Reference);
        Assert.Equal(202, otherOnFree.Reference);
    }

    [Fact]
    public void End_MakesTheReferenceFreeForThePhoneAgain()
    {
        var memory = new ConcatenationMemory(_time, TimeSpan.FromHours(1), 256);
        memory.End(memory.Begin(4, Phone, 2, 1));

        var next = memory.Begin(10, Phone, 2, 1);

        Assert.Equal(202, next.Reference);
        Assert.Equal(1, memory.Count);
    }

    [Fact]
    public void Entries_AreForgottenAfterTheTtl_AndBeyondTheCapacityOldestFirst()
    {
        var memory = new ConcatenationMemory(_time, TimeSpan.FromMinutes(10), 65_536, capacity: 3);
        memory.Begin(1, Phone, 2, 1).Accept(0, "old");
        _time.Advance(TimeSpan.FromMinutes(10));
        memory.Begin(2, Phone, 2, 1);

        Assert.Equal(1, memory.Count);
        var renewed = memory.Begin(1, Phone, 2, 1);
        Assert.Null(renewed.IdOf(0)); // slot 1 expired: a fresh entry
        renewed.Accept(0, "one");
        memory.Begin(2, Phone, 2, 1).Accept(1, "kept"); // touching slot 2 leaves slot 1 the oldest
        memory.Begin(3, Phone, 2, 1);
        memory.Begin(4, Phone, 2, 1); // a fourth entry: the oldest (slot 1) goes

        Assert.Equal(3, memory.Count);
        Assert.Equal("kept", memory.Begin(2, Phone, 2, 1).IdOf(1));
        Assert.Null(memory.Begin(1, Phone, 2, 1).IdOf(0));
    }
}
