using WarningHub.Core.Geo;

namespace WarningHub.Core.Tests.Geo;

public class GeoPolygonTests
{
    // A square around the county seat, 29.60-29.70 N, 104.00-104.10 E, as CAP writes it.
    private static readonly GeoPolygon Square = GeoPolygon.ParseCap("29.60,104.00 29.70,104.00 29.70,104.10 29.60,104.10 29.60,104.00");

    // A "U" opening north: the notch 29.65-29.70 N, 104.03-104.07 E is outside.
    private static readonly GeoPolygon UShape = GeoPolygon.ParseCap(
        "29.60,104.00 29.70,104.00 29.70,104.03 29.65,104.03 29.65,104.07 29.70,104.07 29.70,104.10 29.60,104.10 29.60,104.00");

    [Theory]
    [InlineData(29.65, 104.05, true)]
    [InlineData(29.6001, 104.0999, true)]
    [InlineData(29.59, 104.05, false)]
    [InlineData(29.65, 104.11, false)]
    [InlineData(30.65, 105.05, false)]
    public void Contains_Square_SeparatesInsideFromOutside(double lat, double lon, bool inside)
    {
        Assert.Equal(inside, Square.Contains(lat, lon));
    }

    [Theory]
    [InlineData(29.68, 104.05, false)]   // in the notch
    [InlineData(29.68, 104.01, true)]    // left arm
    [InlineData(29.68, 104.09, true)]    // right arm
    [InlineData(29.62, 104.05, true)]    // base
    [InlineData(29.65, 104.05, true)]    // on the notch's floor
    [InlineData(29.67, 104.03, true)]    // on the notch's wall
    public void Contains_ConcavePolygon_LeavesTheNotchOutside(double lat, double lon, bool inside)
    {
        Assert.Equal(inside, UShape.Contains(lat, lon));
    }

    [Theory]
    [InlineData(29.60, 104.05)]   // south edge
    [InlineData(29.65, 104.10)]   // east edge
    [InlineData(29.70, 104.00)]   // corner
    [InlineData(29.60, 104.00)]   // first vertex
    public void Contains_PointOnEdgeOrVertex_CountsAsInside(double lat, double lon)
    {
        Assert.True(Square.Contains(lat, lon));
    }

    [Fact]
    public void Contains_RayThroughAVertex_IsCountedOnce()
    {
        var diamond = GeoPolygon.ParseCap("29.60,104.05 29.65,104.10 29.70,104.05 29.65,104.00 29.60,104.05");

        Assert.True(diamond.Contains(29.65, 104.05));     // the ray east passes exactly through vertex 29.65,104.10
        Assert.False(diamond.Contains(29.65, 104.11));
        Assert.False(diamond.Contains(29.65, 103.99));    // the ray passes through both side vertices
    }

    [Fact]
    public void ParseCap_OpenRing_IsClosed()
    {
        var triangle = GeoPolygon.ParseCap("29.6,104.0 29.7,104.0 29.7,104.1");

        Assert.Equal(4, triangle.Vertices.Count);
        Assert.Equal(triangle.Vertices[0], triangle.Vertices[^1]);
        Assert.True(triangle.Contains(29.68, 104.01));
        Assert.False(triangle.Contains(29.61, 104.09));
    }

    [Theory]
    [InlineData("29.6,104.0 29.7,104.0")]
    [InlineData("29.6,104.0 29.7 104.0 29.7,104.1")]
    [InlineData("29.6;104.0 29.7,104.0 29.7,104.1")]
    [InlineData("91,104.0 29.7,104.0 29.7,104.1")]
    public void ParseCap_Malformed_Throws(string text)
    {
        Assert.Throws<FormatException>(() => GeoPolygon.ParseCap(text));
    }

    [Fact]
    public void Bounds_EncloseEveryVertex()
    {
        Assert.Equal(new GeoBounds(29.60, 104.00, 29.70, 104.10), UShape.Bounds);
    }

    [Fact]
    public void Contains_RandomStarPolygon_AgreesWithAWindingNumberReference()
    {
        var random = new Random(42);
        var vertices = Enumerable.Range(0, 24).Select(i =>
        {
            var angle = 2 * Math.PI * i / 24;
            var radius = i % 2 == 0 ? 0.1 : 0.03 + (0.03 * random.NextDouble());
            return new GeoPoint(29.65 + (radius * Math.Sin(angle)), 104.07 + (radius * Math.Cos(angle)));
        }).ToList();
        var star = new GeoPolygon(vertices);
        var disagreements = 0;
        var inside = 0;

        for (var i = 0; i < 20_000; i++)
        {
            var lat = 29.52 + (0.26 * random.NextDouble());
            var lon = 103.94 + (0.26 * random.NextDouble());
            var expected = WindingNumber(star.Vertices, lat, lon) != 0;
            inside += expected ? 1 : 0;
            disagreements += star.Contains(lat, lon) == expected ? 0 : 1;
        }

        Assert.Equal(0, disagreements);
        Assert.InRange(inside, 1_000, 10_000);
    }

    // Independent reference: winding number (Sunday's algorithm).
    private static int WindingNumber(IReadOnlyList<GeoPoint> ring, double lat, double lon)
    {
        var winding = 0;
        for (var i = 0; i < ring.Count - 1; i++)
        {
            var a = ring[i];
            var b = ring[i + 1];
            var side = ((b.Longitude - a.Longitude) * (lat - a.Latitude)) - ((lon - a.Longitude) * (b.Latitude - a.Latitude));
            if (a.Latitude <= lat && b.Latitude > lat && side > 0)
            {
                winding++;
            }
            else if (a.Latitude > lat && b.Latitude <= lat && side < 0)
            {
                winding--;
            }
        }

        return winding;
    }
}
