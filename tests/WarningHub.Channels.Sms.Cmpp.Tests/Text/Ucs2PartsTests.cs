using System.Text;
using WarningHub.Channels.Sms.Cmpp.Tests.Support;
using WarningHub.Channels.Sms.Common.Text;
using WarningHub.Testing.Vectors;

namespace WarningHub.Channels.Sms.Cmpp.Tests.Text;

public class Ucs2PartsTests
{
    [Fact]
    public void SeventyCharacters_FitOnePart_WithoutAHeader()
    {
        var parts = Ucs2Parts.Encode(new string('雨', 70), reference: 9);

        Assert.Single(parts);
        Assert.Equal(140, parts[0].Length);
        Assert.Equal("96E8", Hex.Of(parts[0].AsSpan(0, 2)));
    }

    [Fact]
    public void SeventyOneCharacters_GoInTwoParts_EachBehindTheSixOctetConcatenationHeader()
    {
        var parts = Ucs2Parts.Encode(new string('雨', 71), reference: 0x9C);

        Assert.Equal(2, parts.Count);
        Assert.Equal("0500039C0201", Hex.Of(parts[0].AsSpan(0, 6))); // UDHL 5, IEI 0, IEDL 3, reference, total 2, part 1
        Assert.Equal("0500039C0202", Hex.Of(parts[1].AsSpan(0, 6)));
        Assert.Equal(6 + (67 * 2), parts[0].Length);
        Assert.Equal(6 + (4 * 2), parts[1].Length);
    }

    [Fact]
    public void APart_NeverEndsInsideASurrogatePair()
    {
        var text = new string('a', 66) + "😀" + new string('b', 10); // the emoji would straddle characters 67 and 68

        var parts = Ucs2Parts.Encode(text, reference: 1);
        var first = Encoding.BigEndianUnicode.GetString(parts[0].AsSpan(6));
        var second = Encoding.BigEndianUnicode.GetString(parts[1].AsSpan(6));

        Assert.Equal(new string('a', 66), first);
        Assert.StartsWith("😀", second, StringComparison.Ordinal);
        Assert.Equal(text, first + second);
    }
}
