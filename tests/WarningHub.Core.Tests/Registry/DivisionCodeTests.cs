using WarningHub.Core.Registry;

namespace WarningHub.Core.Tests.Registry;

public class DivisionCodeTests
{
    [Theory]
    [InlineData("51", "51")]
    [InlineData("510000000000", "51")]
    [InlineData("5111", "5111")]
    [InlineData("511100000000", "5111")]
    [InlineData("511124", "511124")]
    [InlineData("511124000000", "511124")]
    [InlineData("511124000", "511124")]
    [InlineData("511124100", "511124100")]
    [InlineData("511124100000", "511124100")]
    [InlineData("511124001000", "511124001")]
    [InlineData("511124100201", "511124100201")]
    [InlineData("511124001001", "511124001001")]
    public void GetPrefix_OfAnyLevel_DropsTrailingZeroGroups(string code, string expected)
    {
        Assert.Equal(expected, DivisionCode.GetPrefix(code));
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("51112")]
    [InlineData("5111241")]
    [InlineData("51112410020")]
    [InlineData("5111241002011")]
    [InlineData("51112410020A")]
    [InlineData(" 511124")]
    public void TryGetPrefix_OfMalformedCode_IsFalse(string code)
    {
        Assert.False(DivisionCode.TryGetPrefix(code, out _));
        Assert.Throws<FormatException>(() => DivisionCode.GetPrefix(code));
    }

    [Theory]
    [InlineData("511124000000", RegionLevel.County)]
    [InlineData("511124001000", RegionLevel.Town)]
    [InlineData("511124115000", RegionLevel.Town)]
    [InlineData("511124001001", RegionLevel.Village)]
    [InlineData("511124101201", RegionLevel.Village)]
    public void LevelOf_FullCode_FollowsItsShape(string code, RegionLevel level)
    {
        Assert.Equal(level, DivisionCode.LevelOf(code));
    }

    [Fact]
    public void LevelOf_CityCode_IsNullBecauseItIsAboveTheCounty()
    {
        Assert.Null(DivisionCode.LevelOf("511100000000"));
    }

    [Fact]
    public void TownCodeOf_Village_KeepsTheFirstNineDigits()
    {
        Assert.Equal("511124101000", DivisionCode.TownCodeOf("511124101203"));
    }

    [Fact]
    public void ToFull_ShortCode_PadsWithZeros()
    {
        Assert.Equal("511124101000", DivisionCode.ToFull("511124101"));
    }
}
