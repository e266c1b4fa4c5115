using WarningHub.Channels.Sms.Smpp.Text;

namespace WarningHub.Channels.Sms.Smpp.Tests.Text;

public class SegmentedTextTests
{
    [Fact]
    public void Create_WhenEveryCharFitsGsm7_UsesDataCodingZeroOneSeptetPerOctet()
    {
        var text = SegmentedText.Create("Rainstorm warning @ 18:00 £5 Ä");

        Assert.Equal(SmsEncoding.Gsm7, text.Encoding);
        Assert.Equal(0x00, text.DataCoding);
        var octets = Assert.Single(text.Segments);
        Assert.Equal(30, octets.Length);
        Assert.Equal(0x00, octets[18]); // '@' is septet 0x00
        Assert.Equal(0x01, octets[26]); // '£' is septet 0x01
        Assert.Equal(0x5B, octets[29]); // 'Ä' is septet 0x5B
    }

    [Fact]
    public void Create_WithOneChineseCharacter_FallsBackToUcs2BigEndian()
    {
        var text = SegmentedText.Create("A暴");

        Assert.Equal(SmsEncoding.Ucs2, text.Encoding);
        Assert.Equal(0x08, text.DataCoding);
        Assert.Equal(new byte[] { 0x00, 0x41, 0x66, 0xB4 }, Assert.Single(text.Segments));
    }

    [Fact]
    public void Create_ExtensionCharacters_AreEscapedAndCountTwoSeptets()
    {
        var text = SegmentedText.Create("{€}");

        Assert.Equal(new byte[] { 0x1B, 0x28, 0x1B, 0x65, 0x1B, 0x29 }, Assert.Single(text.Segments));
        Assert.Equal("{€}", Gsm7.Decode(text.Segments[0]));
    }

    [Theory]
    [InlineData(160, 1)]
    [InlineData(161, 2)]
    [InlineData(306, 2)]
    [InlineData(307, 3)]
    public void Create_Gsm7_SplitsAfter160IntoPartsOf153(int length, int parts)
    {
        var text = SegmentedText.Create(new string('x', length));

        Assert.Equal(parts, text.Segments.Count);
        Assert.All(text.Segments.Take(parts - 1), s => Assert.Equal(parts == 1 ? length : 153, s.Length));
    }

    [Theory]
    [InlineData(70, 1)]
    [InlineData(71, 2)]
    [InlineData(134, 2)]
    [InlineData(135, 3)]
    public void Create_Ucs2_SplitsAfter70IntoPartsOf67(int length, int parts)
    {
        var text = SegmentedText.Create(new string('雨', length));

        Assert.Equal(parts, text.Segments.Count);
        Assert.All(text.Segments.Take(parts - 1), s => Assert.Equal(parts == 1 ? length * 2 : 134, s.Length));
    }

    [Fact]
    public void Create_NeverSplitsAnEscapePairAcrossParts()
    {
        var original = new string('x', 152) + "€" + new string('y', 20); // € would take septets 153 and 154

        var text = SegmentedText.Create(original);

        Assert.Equal(152, text.Segments[0].Length);
        Assert.Equal(new byte[] { 0x1B, 0x65 }, text.Segments[1][..2]);
        Assert.Equal(original, string.Concat(text.Segments.Select(s => Gsm7.Decode(s))));
    }

    [Fact]
    public void Create_NeverSplitsASurrogatePairAcrossParts()
    {
        var original = new string('雨', 66) + "😀" + new string('风', 10); // the emoji's halves are code units 67 and 68

        var text = SegmentedText.Create(original);

        Assert.Equal(66 * 2, text.Segments[0].Length);
        Assert.True(char.IsHighSurrogate(SegmentedText.Decode(0x08, text.Segments[1])[0]));
        Assert.Equal(original, string.Concat(text.Segments.Select(s => SegmentedText.Decode(0x08, s))));
    }

    [Fact]
    public void Gsm7_RoundTripsTheWholeDefaultAlphabetAndExtensionTable()
    {
        const string everything = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà\f^{}\\[~]|€";

        Assert.True(Gsm7.TryMeasure(everything, out var septets));
        Assert.Equal(127 + 10 * 2, septets);
        Assert.Equal(everything, Gsm7.Decode(Gsm7.Encode(everything)));
    }

    [Theory]
    [InlineData("\u001B")] // the escape itself is not text
    [InlineData("`")]
    [InlineData("【")]
    public void Gsm7_RefusesCharactersOutsideBothTables(string text)
    {
        Assert.False(Gsm7.TryMeasure(text, out _));
    }

    [Fact]
    public void Signature_IsPrefixedUnlessTheTextAlreadyStartsWithIt()
    {
        const string signature = "【井研县应急管理局】";

        Assert.Equal("【井研县应急管理局】暴雨蓝色预警", Signature.Apply("暴雨蓝色预警", signature));
        Assert.Equal("【井研县应急管理局】暴雨蓝色预警", Signature.Apply("【井研县应急管理局】暴雨蓝色预警", signature));
        Assert.Equal("暴雨", Signature.Apply("暴雨", null));
    }

    [Fact]
    public void UserDataHeader_ReadsBackWhatItWrote()
    {
        var userData = UserDataHeader.Prepend(0x2A, 3, 2, [0x41]);

        Assert.True(UserDataHeader.TryReadConcatenation(userData, out var reference, out var total, out var sequence, out var payload));
        Assert.Equal((0x2A, 3, 2), (reference, total, sequence));
        Assert.Equal(new byte[] { 0x41 }, payload.ToArray());
    }

    [Fact]
    public void UserDataHeader_With16BitReference_ReadsBackWhatItWrote_AndPartsLeaveItRoom()
    {
        var octets = UserDataHeader.Prepend16(0xBEEF, 3, 2, [0x41]);

        Assert.Equal(new byte[] { 6, 8, 4, 0xBE, 0xEF, 3, 2, 0x41 }, octets);
        Assert.True(UserDataHeader.TryReadConcatenation(octets, out var reference, out var total, out var sequence, out var payload));
        Assert.Equal((0xBEEF, 3, 2), (reference, total, sequence));
        Assert.Equal(new byte[] { 0x41 }, payload.ToArray());
        var ucs2 = SegmentedText.Create(new string('中', 133), UserDataHeader.Concatenation16BitLength);
        Assert.Equal([66, 66, 1], ucs2.Segments.Select(s => s.Length / 2));
        var gsm = SegmentedText.Create(new string('a', 305), UserDataHeader.Concatenation16BitLength);
        Assert.Equal([152, 152, 1], gsm.Segments.Select(s => s.Length));
    }
}
