using System.Xml.Linq;
using WarningHub.Core.Cap;

namespace WarningHub.Core.Tests.Cap;

public class CapFingerprintTests
{
    [Fact]
    public void Fingerprint_IsLowerCaseSha256Hex()
    {
        var fingerprint = TestAlerts.Alert.ComputeFingerprint();

        Assert.Matches("^[0-9a-f]{64}$", fingerprint);
    }

    [Fact]
    public void Fingerprint_OfTheSameContent_IsTheSame()
    {
        Assert.Equal(TestAlerts.Everything.ComputeFingerprint(), TestAlerts.Everything.ComputeFingerprint());
    }

    [Fact]
    public void Fingerprint_IgnoresXmlFormatting()
    {
        var original = CapSamples.Text("red-rainstorm.cap.xml");
        var compact = XDocument.Parse(original).ToString(SaveOptions.DisableFormatting);
        var reformatted = original
            .Replace("<headline>", "<!-- comment -->\n      <headline>", StringComparison.Ordinal)
            .Replace("<event>暴雨</event>", "<event>\n      暴雨\n    </event>", StringComparison.Ordinal)
            .Replace("<description>", "<description><![CDATA[", StringComparison.Ordinal)
            .Replace("</description>", "]]></description>", StringComparison.Ordinal)
            .Replace("<alert xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">", "<cap:alert xmlns:cap=\"urn:oasis:names:tc:emergency:cap:1.2\" xmlns=\"urn:oasis:names:tc:emergency:cap:1.2\">", StringComparison.Ordinal)
            .Replace("</alert>", "</cap:alert>", StringComparison.Ordinal)
            .Replace("<language>zh-CN</language>", "<language>  zh-CN  </language>", StringComparison.Ordinal);
        Assert.NotEqual(original, reformatted);

        var expected = CapXmlReader.Read(original).EnsureValid().ComputeFingerprint();

        Assert.Equal(expected, CapXmlReader.Read(compact).EnsureValid().ComputeFingerprint());
        Assert.Equal(expected, CapXmlReader.Read(reformatted).EnsureValid().ComputeFingerprint());
    }

    [Fact]
    public void Fingerprint_IgnoresNumberSpellingInGeometry()
    {
        var a = CapXmlReader.Read(CapXmlReaderTests.Minimal(area: "<areaDesc>x</areaDesc><circle>29.60,104.070 5.0</circle>")).EnsureValid();
        var b = CapXmlReader.Read(CapXmlReaderTests.Minimal(area: "<areaDesc>x</areaDesc><circle>29.6,104.07 5</circle>")).EnsureValid();

        Assert.Equal(a.ComputeFingerprint(), b.ComputeFingerprint());
    }

    [Fact]
    public void Fingerprint_OfXmlAndJsonForms_IsTheSame()
    {
        var alert = TestAlerts.Everything;

        var fromXml = CapXmlReader.Read(CapXmlWriter.ToXml(alert)).Alert!;
        var fromJson = CapJsonReader.Read(CapJsonWriter.ToJson(alert)).Alert!;

        Assert.Equal(alert.ComputeFingerprint(), fromXml.ComputeFingerprint());
        Assert.Equal(alert.ComputeFingerprint(), fromJson.ComputeFingerprint());
    }

    [Fact]
    public void Fingerprint_CountsTimesByInstantLikeEquality()
    {
        var beijing = TestAlerts.Alert;
        var utc = beijing with { Sent = beijing.Sent.ToUniversalTime() };

        Assert.Equal(beijing, utc);
        Assert.Equal(beijing.ComputeFingerprint(), utc.ComputeFingerprint());
    }

    public static TheoryData<string, CapAlert> Changes => new()
    {
        { "headline", TestAlerts.Alert with { Infos = [TestAlerts.Info with { Headline = "井研县气象台发布暴雨橙色预警信号" }] } },
        { "expires", TestAlerts.Alert with { Infos = [TestAlerts.Info with { Expires = TestAlerts.Sent.AddHours(13) }] } },
        { "geocode", TestAlerts.Alert with { Infos = [TestAlerts.Info with { Areas = [TestAlerts.County with { Geocodes = [new CapNamedValue(CapValueNames.DivisionCode, "511124100000")] }] }] } },
        { "status", TestAlerts.Alert with { Status = CapStatus.Test } },
        { "identifier", TestAlerts.Alert with { Identifier = "TEST-2" } },
        { "info order", TestAlerts.Alert with { Infos = [TestAlerts.Info, TestAlerts.Info with { Language = "en-US" }] } },
        { "note", TestAlerts.Alert with { Note = "x" } },
        { "trailing newline", TestAlerts.Alert with { Infos = [TestAlerts.Info with { Headline = TestAlerts.Info.Headline + "\n=" }] } },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Fingerprint_WhenContentChanges_Differs(string change, CapAlert changed)
    {
        Assert.NotEqual(TestAlerts.Alert.ComputeFingerprint(), changed.ComputeFingerprint());
        Assert.NotEqual(TestAlerts.Alert, changed);
        Assert.NotNull(change);
    }

    [Fact]
    public void Fingerprint_DoesNotConfuseAValueWithTheNextLine()
    {
        // incidents follows note in schema order: unescaped, this note would imitate an incidents line.
        var sneaky = TestAlerts.Alert with { Note = "a\nincidents=b" };
        var plain = TestAlerts.Alert with { Note = "a", Incidents = ["b"] };

        Assert.NotEqual(sneaky.ComputeFingerprint(), plain.ComputeFingerprint());
    }
}
