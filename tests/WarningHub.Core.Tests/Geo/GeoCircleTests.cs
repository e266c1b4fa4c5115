using WarningHub.Core.Geo;

namespace WarningHub.Core.Tests.Geo;

public class GeoCircleTests
{
    private static readonly GeoPoint CountySeat = new(29.65093, 104.06475);

    [Fact]
    public void DistanceKmTo_OneDegreeAlongTheEquator_IsAbout111Km()
    {
        Assert.Equal(111.195, new GeoPoint(0, 0).DistanceKmTo(new GeoPoint(0, 1)), precision: 3);
    }

    [Fact]
    public void DistanceKmTo_IsSymmetricAndZeroToItself()
    {
        var town = new GeoPoint(29.742, 103.985);

        Assert.Equal(CountySeat.DistanceKmTo(town), town.DistanceKmTo(CountySeat), precision: 9);
        Assert.Equal(0, CountySeat.DistanceKmTo(CountySeat));
    }

    [Theory]
    [InlineData(0.0440, true)]    // 4.89 km north
    [InlineData(0.0460, false)]   // 5.11 km north
    [InlineData(-0.0440, true)]
    [InlineData(-0.0460, false)]
    public void Contains_FiveKmAroundTheCountySeat_CutsAtFiveKmNorthAndSouth(double dLat, bool inside)
    {
        var circle = new GeoCircle(CountySeat, 5);

        Assert.Equal(inside, circle.Contains(CountySeat.Latitude + dLat, CountySeat.Longitude));
    }

    [Theory]
    [InlineData(0.0505, true)]    // 4.88 km east at this latitude
    [InlineData(0.0530, false)]   // 5.12 km east
    public void Contains_FiveKmAroundTheCountySeat_AccountsForNarrowerLongitudes(double dLon, bool inside)
    {
        var circle = new GeoCircle(CountySeat, 5);

        Assert.Equal(inside, circle.Contains(CountySeat.Latitude, CountySeat.Longitude + dLon));
    }

    [Fact]
    public void ParseCap_CircleAroundTheCounty_ContainsTheSeatButNotAFarTown()
    {
        var circle = GeoCircle.ParseCap("29.65,104.07 5.0");

        Assert.Equal(5.0, circle.RadiusKm);
        Assert.True(circle.Contains(CountySeat));
        Assert.False(circle.Contains(new GeoPoint(29.742, 103.985)));
    }

    [Fact]
    public void Contains_ZeroRadius_HoldsOnlyTheCentre()
    {
        var circle = new GeoCircle(CountySeat, 0);

        Assert.True(circle.Contains(CountySeat));
        Assert.False(circle.Contains(CountySeat.Latitude + 0.0001, CountySeat.Longitude));
    }

    [Theory]
    [InlineData("29.65,104.07")]
    [InlineData("29.65,104.07 -1")]
    [InlineData("29.65 104.07 5")]
    [InlineData("29.65,104.07 five")]
    public void ParseCap_Malformed_Throws(string text)
    {
        Assert.Throws<FormatException>(() => GeoCircle.ParseCap(text));
    }

    [Fact]
    public void Bounds_NearThePole_SpanAllLongitudes()
    {
        var circle = new GeoCircle(new GeoPoint(89.99, 10), 50);

        Assert.Equal(-180, circle.Bounds.MinLongitude);
        Assert.True(circle.Contains(89.99, -170));
    }
}
