using WarningHub.Core.Cap;

namespace WarningHub.Audio.Tests.Scripts;

public sealed class BroadcastScriptWriterTests
{
    private static readonly BroadcastScriptWriter Writer = new(BroadcastTemplates.Load(), new AudioOptions());

    [Fact]
    public void RedRainstorm_InChinese_UsesTheSignalTemplateWithSenderLevelAreaAndInstruction()
    {
        var script = Writer.Write(SampleWarnings.RedRainstorm, "zh-CN", CapStatus.Actual);

        Assert.StartsWith("请注意，请注意！井研县气象台发布暴雨红色预警信号。井研县全境。1. 山区、河谷", script.Text, StringComparison.Ordinal);
        Assert.EndsWith("确保人员转移到位。", script.Text, StringComparison.Ordinal);
        Assert.Equal(("zh-CN", WarningLevel.Red, 2), (script.Language, script.Level, script.Repeats));
        Assert.Null(script.StatusNotice);
        Assert.Equal(script.Text + " " + script.Text, script.FullText);
    }

    [Fact]
    public void RedRainstorm_InEnglish_UsesTheEnglishTemplates()
    {
        var script = Writer.Write(SampleWarnings.RedRainstorm, "en-US", CapStatus.Actual);

        Assert.StartsWith(
            "Attention please! Jingyan County Meteorological Observatory has issued a red Rainstorm warning. All of Jingyan County. Leave mountain valleys",
            script.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CapStatus.Exercise, "这是演练，不是真实预警。")]
    [InlineData(CapStatus.Test, "这是测试，不是真实预警。")]
    [InlineData(CapStatus.System, "这是系统测试，不是真实预警。")]
    [InlineData(CapStatus.Draft, "这是草稿，不是真实预警。")]
    public void NotActualStatus_IsSpokenFirst_WhateverTheTextSays(CapStatus status, string notice)
    {
        // The red rainstorm's text says nothing of a test: the notice comes from the status alone.
        var script = Writer.Write(SampleWarnings.RedRainstorm, "zh-CN", status);

        Assert.StartsWith(notice + " 请注意，请注意！", script.Text, StringComparison.Ordinal);
        Assert.Equal(notice, script.StatusNotice);
        Assert.True(script.IsNotActual);
    }

    [Fact]
    public void ExerciseInEnglish_SaysSoFirst()
    {
        var script = Writer.Write(SampleWarnings.RedRainstorm, "en-US", CapStatus.Exercise);

        Assert.StartsWith("This is an exercise, not a real warning. Attention please!", script.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Cancel_IsSpokenAsLiftingTheWarning()
    {
        var alert = SampleWarnings.ShortRedRainstorm with { MsgType = CapMsgType.Cancel };

        var script = Writer.Write(alert, "zh-CN", CapStatus.Actual);

        Assert.StartsWith("请注意！井研县气象台解除暴雨红色预警。", script.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EventAndLevelTemplate_WinsOverTheEventDefault()
    {
        var flood = SampleWarnings.ExerciseFlashFlood;
        var red = flood with { Infos = [flood.Infos[0] with { Parameters = [new CapNamedValue("预警级别", "红色")] }] };

        Assert.Contains("发布山洪灾害红色预警，沿河低洼处人员立即转移！", Writer.Write(red, "zh-CN", CapStatus.Actual).Text, StringComparison.Ordinal);
        Assert.Contains("井研县水务局发布山洪橙色预警。", Writer.Write(flood, "zh-CN", CapStatus.Actual).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingPieces_LeaveNoEmptySentencesAndUseTheSenderFallback()
    {
        var alert = SampleWarnings.RedRainstorm;
        var bare = alert with { Infos = [alert.Infos[0] with { Instruction = null, SenderName = null, Areas = [] }] };

        var script = Writer.Write(bare, "zh-CN", CapStatus.Actual);

        Assert.Equal("请注意，请注意！有关部门发布暴雨红色预警信号。", script.Text);
    }

    [Theory]
    [InlineData("zh", "zh-CN")]
    [InlineData("EN-us", "en-US")]
    [InlineData("fr-FR", "zh-CN")]
    public void Language_IsMatchedExactlyThenByPrimaryTag_ThenTheFirstInfoIsUsed(string asked, string expected) =>
        Assert.Equal(expected, Writer.Write(SampleWarnings.RedRainstorm, asked, CapStatus.Actual).Language);

    [Fact]
    public void InfoInAnotherLanguage_GetsTheEnglishFallbackTemplates()
    {
        var alert = SampleWarnings.RedRainstorm;
        var french = alert with { Infos = [alert.Infos[1] with { Language = "fr-FR", Event = "Pluie" }] };

        Assert.StartsWith("Attention please!", Writer.Write(french, "fr-FR", CapStatus.Actual).Text, StringComparison.Ordinal);
    }
}
