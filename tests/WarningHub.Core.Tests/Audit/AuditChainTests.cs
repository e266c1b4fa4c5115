using WarningHub.Core.Audit;

namespace WarningHub.Core.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 15, 8, 0, 0, TimeSpan.Zero);

    private static List<AuditRecord> Chain(int rows)
    {
        var chain = new List<AuditRecord>();
        for (var i = 0; i < rows; i++)
            chain.Add(AuditChain.Next(chain.LastOrDefault(), T0.AddSeconds(i), new AuditEntry("alice", AuditActions.Approve, $"W20260715-{i:D6}", $"approval {i}")));
        return chain;
    }

    [Fact]
    public void Verify_AnIntactChain_FindsNoBreak_AndTheFirstRowStartsFromGenesis()
    {
        var chain = Chain(5);
        Assert.Null(AuditChain.Verify(chain));
        Assert.Equal(AuditChain.Genesis, chain[0].Previous);
        Assert.Equal([1L, 2, 3, 4, 5], chain.Select(r => r.Seq));
    }

    [Fact]
    public void Verify_AChangedField_NamesThatRow()
    {
        var chain = Chain(5);
        chain[2] = chain[2] with { Actor = "mallory" };
        Assert.Equal(3, AuditChain.Verify(chain)!.Seq);
    }

    [Fact]
    public void Verify_AChangedRowWhoseHashWasRecomputed_BreaksAtTheNextRow()
    {
        var chain = Chain(5);
        var forged = chain[1] with { Detail = "forged" };
        chain[1] = forged with { Hash = AuditChain.Hash(forged.Previous, forged.Seq, forged.At, forged.Actor, forged.Action, forged.Subject, forged.Detail) };
        Assert.Equal(3, AuditChain.Verify(chain)!.Seq);
    }

    [Fact]
    public void Verify_ADeletedRow_NamesTheRowAfterTheGap()
    {
        var chain = Chain(5);
        chain.RemoveAt(1);
        var broken = AuditChain.Verify(chain)!;
        Assert.Equal(3, broken.Seq);
        Assert.Contains("row 2 is missing", broken.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_ReorderedRows_AndRenumberedRows_Break()
    {
        var swapped = Chain(5);
        (swapped[1], swapped[2]) = (swapped[2], swapped[1]);
        Assert.Equal(3, AuditChain.Verify(swapped)!.Seq);

        var renumbered = Chain(5);
        (renumbered[1], renumbered[2]) = (renumbered[2] with { Seq = 2 }, renumbered[1] with { Seq = 3 });
        Assert.Equal(2, AuditChain.Verify(renumbered)!.Seq);
    }

    [Fact]
    public void Next_MasksMobileNumbers_InEveryField()
    {
        var row = AuditChain.Next(null, T0, new AuditEntry("13800138000", "call", "+86 13900139000", "called 8613700137000 and 138001380001234"));
        Assert.Equal("138****8000", row.Actor);
        Assert.Equal("139****9000", row.Subject.Replace("+86 ", "", StringComparison.Ordinal));
        Assert.Contains("137****7000", row.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("13700137000", row.Detail, StringComparison.Ordinal);
        Assert.Contains("138001380001234", row.Detail, StringComparison.Ordinal); // not a phone number: 15 digits
        Assert.Null(AuditChain.Verify([row]));
    }

    [Theory]
    [InlineData("联系 0833-5123456 核实", "联系 083****3456 核实")]
    [InlineData("call +86 138 0013 8000 now", "call 138****8000 now")]
    [InlineData("电话 0086-13900139000。", "电话 139****9000。")]
    [InlineData("值班室 5123456", "值班室 *****56")]
    [InlineData("(0833) 512.3456", "083****3456")]
    [InlineData("第 3 号，编号 123456，2 人", "第 3 号，编号 123456，2 人")]
    public void RedactFreeText_MasksEveryRunOfSevenDigitsOrMore_WithSeparatorsAndCountryCode(string typed, string stored) =>
        Assert.Equal(stored, AuditChain.RedactFreeText(typed));

    [Fact]
    public void Redact_OfFieldsTheHubWrites_KeepsDivisionCodes_OnlyFreeTextMasksThem()
    {
        Assert.Equal("village 511124100201 household 7", AuditChain.Redact("village 511124100201 household 7"));
        Assert.DoesNotContain("5123456", AuditChain.RedactFreeText("0833-5123456"), StringComparison.Ordinal);
    }
}
