using WarningHub.Core.Geo;

namespace WarningHub.Core.Tests.Geo;

public class GeoAreaTests
{
    private static readonly GeoArea Area = GeoArea.ParseCap(
        ["29.60,104.00 29.62,104.00 29.62,104.02 29.60,104.02 29.60,104.00"],
        ["29.75,104.20 2"]);

    [Theory]
    [InlineData(29.61, 104.01, true)]    // in the polygon
    [InlineData(29.75, 104.21, true)]    // in the circle
    [InlineData(29.68, 104.10, false)]   // between them, inside the combined bounds
    [InlineData(28.00, 104.10, false)]   // far away
    public void Contains_IsTheUnionOfPolygonsAndCircles(double lat, double lon, bool inside)
    {
        Assert.Equal(inside, Area.Contains(lat, lon));
    }

    [Fact]
    public void Bounds_CoverEveryShape()
    {
        Assert.True(Area.Bounds.Contains(29.60, 104.00));
        Assert.True(Area.Bounds.Contains(29.76, 104.22));
        Assert.False(Area.Bounds.Contains(29.59, 104.10));
    }

    [Fact]
    public void Contains_EmptyArea_HoldsNothing()
    {
        var empty = new GeoArea([], []);

        Assert.True(empty.IsEmpty);
        Assert.False(empty.Contains(29.65, 104.06));
    }

    [Fact]
    public void ParseCap_BadCircle_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => GeoArea.ParseCap([], ["29.75,104.20"]));
    }
}
