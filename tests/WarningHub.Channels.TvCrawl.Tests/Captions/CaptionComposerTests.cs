namespace WarningHub.Channels.TvCrawl.Tests.Captions;

public sealed class CaptionComposerTests
{
    private const string Instruction = "1. 山区、河谷、低洼地带及地质灾害隐患点人员立即转移到安全地带；2. 停止户外集会和作业，学校、幼儿园停课。";

    internal static CaptionContent RedRainstorm(string status = "Actual") => new()
    {
        Status = status,
        Event = "暴雨",
        Level = "红色",
        Area = "井研县全境",
        Headline = "井研县气象台发布暴雨红色预警信号",
        Instruction = Instruction,
    };

    [Fact]
    public void Compose_WithRoom_GivesTagAreaHeadlineAndInstruction()
    {
        Assert.True(CaptionComposer.TryCompose(RedRainstorm(), 200, out var caption));

        Assert.Equal("【暴雨红色预警】井研县全境：井研县气象台发布暴雨红色预警信号。" + Instruction, caption);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(24)]
    [InlineData(31)]
    [InlineData(35)]
    [InlineData(40)]
    [InlineData(60)]
    [InlineData(80)]
    [InlineData(2000)]
    public void Compose_NeverExceedsTheChannelLength_AndAlwaysKeepsTheTag(int maxLength)
    {
        Assert.True(CaptionComposer.TryCompose(RedRainstorm(), maxLength, out var caption));

        Assert.True(caption.Length <= maxLength, $"{caption.Length} > {maxLength}: {caption}");
        Assert.StartsWith("【暴雨红色预警】", caption, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', caption);
    }

    [Fact]
    public void Compose_ShortChannel_CutsTheInstructionFirst()
    {
        Assert.True(CaptionComposer.TryCompose(RedRainstorm(), 40, out var caption));

        Assert.Equal(40, caption.Length);
        Assert.StartsWith("【暴雨红色预警】井研县全境：井研县气象台发布暴雨红色预警信号。1. 山区", caption, StringComparison.Ordinal);
        Assert.EndsWith("…", caption, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_NoRoomForAMeaningfulInstruction_LeavesItOutAndKeepsTheHeadlineWhole()
    {
        Assert.True(CaptionComposer.TryCompose(RedRainstorm(), 32, out var caption));

        Assert.Equal("【暴雨红色预警】井研县全境：井研县气象台发布暴雨红色预警信号", caption);
    }

    [Fact]
    public void Compose_NoRoomForTheHeadline_CutsItButKeepsTheArea()
    {
        Assert.True(CaptionComposer.TryCompose(RedRainstorm(), 25, out var caption));

        Assert.Equal("【暴雨红色预警】井研县全境：井研县气象台发布暴雨…", caption);
    }

    [Fact]
    public void Compose_AnExercise_IsADrillCaptionOpenedByTheDrillMark_WithinTheLength()
    {
        Assert.True(CaptionComposer.TryCompose(RedRainstorm("Exercise"), 40, out var caption));
        Assert.StartsWith("【演练】【暴雨红色预警】", caption, StringComparison.Ordinal);
        Assert.True(caption.Length <= 40, caption);
    }

    [Theory]
    [InlineData("Test")]
    [InlineData("System")]
    [InlineData("Draft")]
    [InlineData("")]
    [InlineData("actual")]
    public void Compose_AnythingButActualOrExercise_NeverGivesACaption(string status)
    {
        Assert.False(CaptionComposer.TryCompose(RedRainstorm(status), 200, out var caption));
        Assert.Null(caption);
    }

    [Fact]
    public void Compose_LineBreaksAndTabs_BecomeOneLine()
    {
        var content = RedRainstorm() with { Headline = "井研县气象台\r\n发布暴雨\t红色预警信号", Instruction = "立即\n\n转移" };

        Assert.True(CaptionComposer.TryCompose(content, 200, out var caption));

        Assert.Equal("【暴雨红色预警】井研县全境：井研县气象台 发布暴雨 红色预警信号。立即 转移", caption);
    }

    [Fact]
    public void Compose_EventNamedAsAWarning_IsNotDoubled_AndNoLevelLeavesTheColourOut()
    {
        var content = RedRainstorm() with { Event = "地震预警", Level = "", Instruction = "" };

        Assert.True(CaptionComposer.TryCompose(content, 200, out var caption));

        Assert.Equal("【地震预警】井研县全境：井研县气象台发布暴雨红色预警信号", caption);
    }

    [Fact]
    public void Compose_HeadlineEndingInPunctuation_GetsNoSecondFullStop()
    {
        var content = RedRainstorm() with { Headline = "暴雨红色预警！", Instruction = "立即转移" };

        Assert.True(CaptionComposer.TryCompose(content, 200, out var caption));

        Assert.Equal("【暴雨红色预警】井研县全境：暴雨红色预警！立即转移", caption);
    }

    [Fact]
    public void Cut_NeverSplitsASurrogatePair()
    {
        var text = "ab\U0001F600cd";

        var cut = CaptionComposer.Cut(text, 4);

        Assert.Equal("ab…", cut);
    }

    [Fact]
    public void TryCompose_LengthBelowTheMinimum_IsAnError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CaptionComposer.TryCompose(RedRainstorm(), CaptionComposer.MinLength - 1, out _));
    }
}
