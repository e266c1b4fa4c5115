using System.Xml.Linq;
using WarningHub.Core.Cap;

namespace WarningHub.Core.Tests.Cap;

public class CapXmlWriterTests
{
    [Theory]
    [MemberData(nameof(SpecificationExamples.All), MemberType = typeof(SpecificationExamples))]
    public void Write_ThenRead_GivesBackAnEqualSpecificationExample(string name, string xml)
    {
        var original = CapXmlReader.Read(xml).EnsureValid();

        var again = CapXmlReader.Read(CapXmlWriter.ToXml(original)).EnsureValid();

        Assert.True(original == again, name);
    }

    [Fact]
    public void Write_ThenRead_KeepsEveryElementOfTheModel()
    {
        var original = TestAlerts.Everything;

        var result = CapXmlReader.Read(CapXmlWriter.ToXml(original));

        Assert.NotNull(result.Alert);
        Assert.Equal(original, result.Alert);
    }

    [Theory]
    [InlineData("red-rainstorm.cap.xml")]
    [InlineData("test-exercise.cap.xml")]
    [InlineData("cancel.cap.xml")]
    public void Write_ThenRead_GivesBackAnEqualSample(string file)
    {
        var original = CapXmlReader.Read(CapSamples.Text(file)).EnsureValid();

        using var buffer = new MemoryStream();
        CapXmlWriter.Write(original, buffer);
        buffer.Position = 0;

        Assert.Equal(original, CapXmlReader.Read(buffer).EnsureValid());
    }

    [Fact]
    public void Write_UsesTheCap12NamespaceAndSchemaOrder()
    {
        var document = XDocument.Parse(CapXmlWriter.ToXml(TestAlerts.Everything));

        XNamespace cap = CapAlert.Namespace;
        Assert.Equal(cap + "alert", document.Root!.Name);
        Assert.Equal(
            ["identifier", "sender", "sent", "status", "msgType", "source", "scope", "restriction", "addresses", "code", "code",
             "note", "references", "incidents", "info"],
            document.Root.Elements().Select(element => element.Name.LocalName));
        Assert.Equal(
            ["language", "category", "event", "responseType", "responseType", "urgency", "severity", "certainty", "audience",
             "eventCode", "effective", "onset", "expires", "senderName", "headline", "description", "instruction", "web",
             "contact", "parameter", "parameter", "resource", "area"],
            document.Root.Element(cap + "info")!.Elements().Select(element => element.Name.LocalName));
        Assert.Equal(
            ["areaDesc", "polygon", "circle", "geocode", "altitude", "ceiling"],
            document.Descendants(cap + "area").Single().Elements().Select(element => element.Name.LocalName));
        Assert.All(document.Descendants(), element => Assert.Equal(cap, element.Name.Namespace));
    }

    [Fact]
    public void Write_UtcTimeAsMinusZeroAndOtherOffsetsAsGiven()
    {
        var xml = CapXmlWriter.ToXml(TestAlerts.Everything);

        Assert.Contains("<sent>2026-07-15T03:00:00-00:00</sent>", xml, StringComparison.Ordinal);
        Assert.Contains("<effective>2026-07-15T02:30:00+08:00</effective>", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("Z<", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_QuotesMultiWordAddressesAndFormatsReferences()
    {
        var xml = CapXmlWriter.ToXml(TestAlerts.Everything);

        Assert.Contains("<addresses>town-officers \"村 广播员\"</addresses>", xml, StringComparison.Ordinal);
        Assert.Contains(
            "<references>jingyan.qxj@weather.example,TEST-0,2026-07-15T02:30:00+08:00</references>",
            xml,
            StringComparison.Ordinal);
        Assert.Contains("<polygon>29.7,104 29.7,104.2 29.5,104.2 29.7,104</polygon>", xml, StringComparison.Ordinal);
        Assert.Contains("<circle>29.65,104.07 12.5</circle>", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EscapesMarkupInText()
    {
        var xml = CapXmlWriter.ToXml(TestAlerts.Everything);

        Assert.Contains("line two &amp; &lt;three&gt;", xml, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OmitsAbsentOptionalElements()
    {
        var xml = CapXmlWriter.ToXml(TestAlerts.Alert);

        Assert.DoesNotContain("<source", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<references", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<onset", xml, StringComparison.Ordinal);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", xml, StringComparison.Ordinal);
    }
}
