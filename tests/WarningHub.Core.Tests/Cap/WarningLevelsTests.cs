using WarningHub.Core.Cap;

namespace WarningHub.Core.Tests.Cap;

public class WarningLevelsTests
{
    [Theory]
    [InlineData(CapSeverity.Extreme, WarningLevel.Red)]
    [InlineData(CapSeverity.Severe, WarningLevel.Orange)]
    [InlineData(CapSeverity.Moderate, WarningLevel.Yellow)]
    [InlineData(CapSeverity.Minor, WarningLevel.Blue)]
    public void Severity_MapsToLevelAndBack(CapSeverity severity, WarningLevel level)
    {
        Assert.True(WarningLevels.TryFromSeverity(severity, out var mapped));
        Assert.Equal(level, mapped);
        Assert.Equal(severity, level.ToSeverity());
    }

    [Fact]
    public void LevelNumbers_AreTheOfficialGrades()
    {
        Assert.Equal(1, (int)WarningLevel.Red);
        Assert.Equal(4, (int)WarningLevel.Blue);
        Assert.True(WarningLevel.Red < WarningLevel.Orange);
    }

    [Theory]
    [InlineData("红色", WarningLevel.Red)]
    [InlineData("橙色预警", WarningLevel.Orange)]
    [InlineData(" 黄色 ", WarningLevel.Yellow)]
    [InlineData("蓝", WarningLevel.Blue)]
    [InlineData("Red", WarningLevel.Red)]
    [InlineData("orange", WarningLevel.Orange)]
    [InlineData("III", WarningLevel.Yellow)]
    [InlineData("Ⅳ级", WarningLevel.Blue)]
    [InlineData("I级", WarningLevel.Red)]
    [InlineData("2", WarningLevel.Orange)]
    public void TryParse_ReadsColourWordsAndGrades(string text, WarningLevel expected)
    {
        Assert.True(WarningLevels.TryParse(text, out var level));
        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("绿色")]
    [InlineData("V")]
    [InlineData("0")]
    public void TryParse_RefusesAnythingElse(string? text)
    {
        Assert.False(WarningLevels.TryParse(text, out _));
    }

    [Fact]
    public void LevelOf_PrefersTheChineseLevelParameterOverSeverity()
    {
        var info = TestAlerts.Info with
        {
            Severity = CapSeverity.Moderate,
            Parameters = [new CapNamedValue("其他", "红色"), new CapNamedValue(CapValueNames.WarningLevelZh, "橙色")],
        };

        Assert.Equal(WarningLevel.Orange, WarningLevels.LevelOf(info));
    }

    [Fact]
    public void LevelOf_ReadsTheEnglishLevelParameter()
    {
        var info = TestAlerts.Info with { Severity = CapSeverity.Minor, Parameters = [new CapNamedValue(CapValueNames.WarningLevel, "Red")] };

        Assert.Equal(WarningLevel.Red, WarningLevels.LevelOf(info));
    }

    [Fact]
    public void LevelOf_WhenParameterIsUnreadable_FallsBackToSeverity()
    {
        var info = TestAlerts.Info with { Severity = CapSeverity.Severe, Parameters = [new CapNamedValue(CapValueNames.WarningLevelZh, "紫色")] };

        Assert.Equal(WarningLevel.Orange, WarningLevels.LevelOf(info));
    }

    [Fact]
    public void LevelOf_WhenNothingGivesALevel_ThrowsAndTryGetLevelSaysNo()
    {
        var info = TestAlerts.Info with { Severity = CapSeverity.Unknown };

        Assert.False(WarningLevels.TryGetLevel(info, out _));
        var exception = Assert.Throws<InvalidOperationException>(() => WarningLevels.LevelOf(info));
        Assert.Contains("预警级别", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(WarningLevel.Red, "红色", "红色预警（Ⅰ级，特别严重）", "Red warning (level I, particularly serious)")]
    [InlineData(WarningLevel.Orange, "橙色", "橙色预警（Ⅱ级，严重）", "Orange warning (level II, serious)")]
    [InlineData(WarningLevel.Yellow, "黄色", "黄色预警（Ⅲ级，较重）", "Yellow warning (level III, fairly serious)")]
    [InlineData(WarningLevel.Blue, "蓝色", "蓝色预警（Ⅳ级，一般）", "Blue warning (level IV, general)")]
    public void Names_AreGivenInChineseAndEnglish(WarningLevel level, string colour, string chinese, string english)
    {
        Assert.Equal(colour, level.ToChineseColour());
        Assert.Equal(chinese, level.ToChineseName());
        Assert.Equal(english, level.ToEnglishName());
        Assert.True(WarningLevels.TryParse(colour, out var parsed) && parsed == level);
    }

    [Fact]
    public void Names_OfAnUndefinedLevel_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ((WarningLevel)0).ToChineseName());
        Assert.Throws<ArgumentOutOfRangeException>(() => ((WarningLevel)7).ToSeverity());
    }
}
