using WarningHub.Core.Cap;

namespace WarningHub.Core.Tests.Cap;

public class CapTimeTests
{
    [Fact]
    public void Format_WritesOffsetAndUtcAsMinusZero()
    {
        Assert.Equal("2026-07-15T02:30:00+08:00", CapTime.Format(new DateTimeOffset(2026, 7, 15, 2, 30, 0, TimeSpan.FromHours(8))));
        Assert.Equal("2026-07-14T18:30:00-00:00", CapTime.Format(new DateTimeOffset(2026, 7, 14, 18, 30, 0, TimeSpan.Zero)));
        Assert.Equal("2003-06-17T14:57:00-07:00", CapTime.Format(new DateTimeOffset(2003, 6, 17, 14, 57, 0, TimeSpan.FromHours(-7))));
        Assert.Equal("2026-01-01T00:00:00+05:45", CapTime.Format(new DateTimeOffset(2026, 1, 1, 0, 0, 0, new TimeSpan(5, 45, 0))));
    }

    [Fact]
    public void TryParse_ReadsWhatFormatWrites()
    {
        var time = new DateTimeOffset(2026, 7, 15, 2, 30, 5, TimeSpan.FromHours(8));

        Assert.True(CapTime.TryParse(CapTime.Format(time), out var parsed, out var problem));
        Assert.Null(problem);
        Assert.Equal(time, parsed);
        Assert.Equal(time.Offset, parsed.Offset);
    }

    [Theory]
    [InlineData("2026-07-15 02:30:00+08:00")]
    [InlineData("2026-07-15T02:30+08:00")]
    [InlineData("2026-07-15T02:30:00+0800")]
    [InlineData("2026-07-15T02:30:00+24:00")]
    [InlineData("２０２６-07-15T02:30:00+08:00")]
    public void TryParse_RefusesOtherShapes(string text)
    {
        Assert.False(CapTime.TryParse(text, out _, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void ToCapPrecision_DropsTheFractionOfASecond()
    {
        var time = new DateTimeOffset(2026, 7, 15, 2, 30, 5, TimeSpan.FromHours(8)).AddTicks(1234567);

        Assert.Equal(new DateTimeOffset(2026, 7, 15, 2, 30, 5, TimeSpan.FromHours(8)), CapTime.ToCapPrecision(time));
    }
}
