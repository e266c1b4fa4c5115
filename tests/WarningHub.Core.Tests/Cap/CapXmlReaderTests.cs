using WarningHub.Core.Cap;

namespace WarningHub.Core.Tests.Cap;

public class CapXmlReaderTests
{
    private const string Head = """<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">""";

    [Theory]
    [MemberData(nameof(SpecificationExamples.All), MemberType = typeof(SpecificationExamples))]
    public void Read_SpecificationExample_IsValidWithoutProblems(string name, string xml)
    {
        var result = CapXmlReader.Read(xml);

        Assert.True(result.IsValid, name + ": " + string.Join("; ", result.Problems));
        Assert.Single(result.Alert!.Infos);
    }

    [Fact]
    public void Read_ThunderstormExample_KeepsEveryValue()
    {
        var alert = CapXmlReader.Read(SpecificationExamples.SevereThunderstormWarning).EnsureValid();

        Assert.Equal("KSTO1055887203", alert.Identifier);
        Assert.Equal(new DateTimeOffset(2003, 6, 17, 14, 57, 0, TimeSpan.FromHours(-7)), alert.Sent);
        Assert.Equal(TimeSpan.FromHours(-7), alert.Sent.Offset);
        var info = alert.Infos[0];
        Assert.Equal(CapInfo.DefaultLanguage, info.Language);
        Assert.Equal([CapCategory.Met], info.Categories);
        Assert.Equal([CapResponseType.Shelter], info.ResponseTypes);
        Assert.Equal(CapSeverity.Severe, info.Severity);
        Assert.Equal(new CapNamedValue("SAME", "SVR"), Assert.Single(info.EventCodes));
        Assert.Equal("BARUFFALDI/JUSKIE", info.Contact);
        var area = Assert.Single(info.Areas);
        Assert.Equal(["006109", "006009", "006003"], area.Geocodes.Select(geocode => geocode.Value));
        var polygon = Assert.Single(area.Polygons);
        Assert.Equal(5, polygon.Points.Count);
        Assert.Equal(new CapPoint(38.47, -120.14), polygon.Points[0]);
        Assert.True(polygon.IsClosedRing);
    }

    [Fact]
    public void Read_EarthquakeExample_ParsesReferencesAndCircle()
    {
        var alert = CapXmlReader.Read(SpecificationExamples.EarthquakeReport).EnsureValid();

        var reference = Assert.Single(alert.References);
        Assert.Equal(
            new CapReference("trinet@caltech.edu", "TRI13970876.1", new DateTimeOffset(2003, 6, 11, 20, 30, 0, TimeSpan.FromHours(-7))),
            reference);
        var circle = Assert.Single(alert.Infos[0].Areas[0].Circles);
        Assert.Equal(new CapCircle(new CapPoint(32.9525, -115.5527), 0), circle);
        Assert.Equal(5, alert.Infos[0].Parameters.Count);
        Assert.Equal("3.4 Ml", alert.Infos[0].ParameterValue("Magnitude"));
    }

    [Fact]
    public void Read_HomelandSecurityExample_TrimsSurroundingWhitespaceAndReadsResource()
    {
        var info = CapXmlReader.Read(SpecificationExamples.HomelandSecurityAdvisory).EnsureValid().Infos[0];

        Assert.StartsWith("A High Condition", info.Instruction, StringComparison.Ordinal);
        var resource = Assert.Single(info.Resources);
        Assert.Equal("image/gif", resource.MimeType);
        Assert.Equal("http://www.dhs.gov/dhspublic/getAdvisoryImage", resource.Uri);
        Assert.Null(resource.Size);
    }

    [Theory]
    [InlineData("red-rainstorm.cap.xml", CapStatus.Actual, CapMsgType.Alert)]
    [InlineData("test-exercise.cap.xml", CapStatus.Exercise, CapMsgType.Alert)]
    [InlineData("cancel.cap.xml", CapStatus.Actual, CapMsgType.Cancel)]
    public void Read_ShippedSample_IsValidForDissemination(string file, CapStatus status, CapMsgType msgType)
    {
        using var stream = File.OpenRead(CapSamples.Path(file));

        var alert = CapXmlReader.Read(stream).EnsureValid();

        Assert.Equal(status, alert.Status);
        Assert.Equal(msgType, alert.MsgType);
        Assert.Empty(CapValidator.ValidateForDissemination(alert));
        Assert.All(alert.Infos, info => Assert.Equal(TimeSpan.FromHours(8), info.Expires!.Value.Offset));
    }

    [Fact]
    public void Read_CancelSample_ReferencesTheRedRainstormWarning()
    {
        var warning = CapXmlReader.Read(CapSamples.Text("red-rainstorm.cap.xml")).EnsureValid();
        var cancel = CapXmlReader.Read(CapSamples.Text("cancel.cap.xml")).EnsureValid();

        Assert.True(Assert.Single(cancel.References).Names(warning));
    }

    [Fact]
    public void Read_RedRainstormSample_HasChineseAndEnglishInfoAtRedLevel()
    {
        var alert = CapXmlReader.Read(CapSamples.Text("red-rainstorm.cap.xml")).EnsureValid();

        Assert.Equal(["zh-CN", "en-US"], alert.Infos.Select(info => info.Language));
        Assert.Equal("井研县气象台发布暴雨红色预警信号", alert.Infos[0].Headline);
        Assert.All(alert.Infos, info => Assert.Equal(WarningLevel.Red, WarningLevels.LevelOf(info)));
        Assert.All(alert.Infos, info => Assert.Equal("511124000000", info.Areas[0].Geocodes[0].Value));
    }

    [Fact]
    public void Read_WhenRequiredFieldsAreMissing_ReportsEachWithItsPathAndReturnsNoAlert()
    {
        var xml = Head + """
            <sender>a@b</sender><sent>2026-07-01T08:00:00+08:00</sent><status>Actual</status><scope>Public</scope>
            <info><category>Met</category><urgency>Immediate</urgency><severity>Extreme</severity><certainty>Likely</certainty>
              <area><geocode><valueName>行政区划代码</valueName><value>511124000000</value></geocode></area></info>
            </alert>
            """;

        var result = CapXmlReader.Read(xml);

        Assert.Null(result.Alert);
        var paths = result.Problems.Select(problem => problem.Path).ToList();
        Assert.Contains("identifier", paths);
        Assert.Contains("msgType", paths);
        Assert.Contains("info[0].event", paths);
        Assert.Contains("info[0].area[0].areaDesc", paths);
        Assert.All(result.Problems, problem => Assert.Contains("required", problem.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_WhenEnumValuesAreWrong_NamesTheValueAndTheAcceptedOnes()
    {
        var xml = Minimal(status: "actual", urgency: "Now", category: "Weather");

        var result = CapXmlReader.Read(xml);

        Assert.Null(result.Alert);
        var status = Assert.Single(result.Problems, problem => problem.Path == "status");
        Assert.Contains("'actual'", status.Reason, StringComparison.Ordinal);
        Assert.Contains("Actual, Exercise, System, Test, Draft", status.Reason, StringComparison.Ordinal);
        Assert.Contains(result.Problems, problem => problem.Path == "info[0].urgency" && problem.Reason.Contains("'Now'", StringComparison.Ordinal));
        Assert.Contains(result.Problems, problem => problem.Path == "info[0].category[0]" && problem.Reason.Contains("'Weather'", StringComparison.Ordinal));
        Assert.Contains(result.Problems, problem => problem.Path == "info[0].category" && problem.Reason.Contains("at least one", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_WhenNumericEnumValueIsGiven_RefusesIt()
    {
        var result = CapXmlReader.Read(Minimal(status: "1"));

        Assert.Contains(result.Problems, problem => problem.Path == "status");
        Assert.Null(result.Alert);
    }

    [Theory]
    [InlineData("2026-07-01T00:00:00Z", "'Z'")]
    [InlineData("2026-07-01T08:00:00", "no time-zone offset")]
    [InlineData("2026-07-01T08:00:00.5+08:00", "fractional seconds")]
    [InlineData("2026-13-01T08:00:00+08:00", "not a valid date-time")]
    [InlineData("yesterday", "not a CAP date-time")]
    public void Read_WhenSentIsNotACapTime_ReportsWhy(string sent, string expected)
    {
        var result = CapXmlReader.Read(Minimal(sent: sent));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("sent", problem.Path);
        Assert.Contains(expected, problem.Reason, StringComparison.Ordinal);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Read_WhenUtcIsWrittenWithZ_StillReadsTheInstantButIsNotValid()
    {
        var result = CapXmlReader.Read(Minimal(sent: "2026-07-01T00:00:00Z"));

        Assert.NotNull(result.Alert);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), result.Alert.Sent);
        Assert.Throws<CapParseException>(result.EnsureValid);
    }

    [Fact]
    public void Read_WhenUtcIsWrittenAsMinusZero_IsValid()
    {
        var result = CapXmlReader.Read(Minimal(sent: "2026-07-01T00:00:00-00:00"));

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(TimeSpan.Zero, result.Alert!.Sent.Offset);
    }

    [Theory]
    [InlineData("29.7,104.0 29.7,104.2 29.5", "'29.5' is not a lat,lon pair")]
    [InlineData("29.7;104.0 29.7;104.2", "is not a lat,lon pair")]
    [InlineData("", "is empty")]
    public void Read_WhenPolygonTextIsUnreadable_ReportsItAtThePolygonPath(string polygon, string expected)
    {
        var result = CapXmlReader.Read(Minimal(area: $"<areaDesc>x</areaDesc><polygon>{polygon}</polygon>"));

        var problem = Assert.Single(result.Problems, problem => problem.Path == "info[0].area[0].polygon[0]");
        Assert.Contains(expected, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenPolygonIsOpenAndOutOfRange_ReportsBothFromTheValidator()
    {
        var result = CapXmlReader.Read(Minimal(area: "<areaDesc>x</areaDesc><polygon>91,104 29.7,104.2 29.5,104.2 29.6,104.0</polygon>"));

        Assert.NotNull(result.Alert);
        var problems = result.Problems.Where(problem => problem.Path == "info[0].area[0].polygon[0]").ToList();
        Assert.Contains(problems, problem => problem.Reason.Contains("not closed", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Reason.Contains("point 1 (91,104) is outside", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(Head + "<identifier>x</identifier>")]
    [InlineData(Head + "<identifier>x</sender></alert>")]
    [InlineData("")]
    [InlineData("not xml at all")]
    public void Read_WhenXmlIsMalformed_RefusesAsNotWellFormed(string xml)
    {
        var result = CapXmlReader.Read(xml);

        Assert.Null(result.Alert);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(CapProblem.DocumentPath, problem.Path);
        Assert.Contains("XML", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenATagIsNotClosed_SaysWhere()
    {
        var xml = CapXmlReaderTests.Minimal().Replace("<event>暴雨</event>", "<event>暴雨", StringComparison.Ordinal);

        var problem = Assert.Single(CapXmlReader.Read(xml).Problems);

        Assert.StartsWith("not well-formed XML (line ", problem.Reason, StringComparison.Ordinal);
        Assert.Contains("event", problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GB2312")]
    [InlineData("GBK")]
    [InlineData("GB18030")]
    public void Read_WhenStreamIsInAChineseLegacyEncoding_DecodesIt(string encodingName)
    {
        var utf8 = CapSamples.Text("red-rainstorm.cap.xml");
        var legacy = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(encodingName)!;
        var declared = utf8.Replace("encoding=\"utf-8\"", $"encoding=\"{encodingName}\"", StringComparison.Ordinal);
        using var stream = new MemoryStream(legacy.GetBytes(declared));

        var alert = CapXmlReader.Read(stream).EnsureValid();

        Assert.Equal(CapXmlReader.Read(utf8).EnsureValid(), alert);
        Assert.Equal("井研县气象台发布暴雨红色预警信号", alert.Infos[0].Headline);
    }

    [Fact]
    public void Read_WhenStringDeclaresALegacyEncoding_IgnoresTheDeclaration()
    {
        var xml = CapSamples.Text("red-rainstorm.cap.xml").Replace("encoding=\"utf-8\"", "encoding=\"GB2312\"", StringComparison.Ordinal);

        Assert.True(CapXmlReader.Read(xml).IsValid);
    }

    [Fact]
    public void Read_WhenStreamIsUtf16WithByteOrderMark_DecodesIt()
    {
        var xml = CapSamples.Text("red-rainstorm.cap.xml").Replace("encoding=\"utf-8\"", "encoding=\"utf-16\"", StringComparison.Ordinal);
        using var stream = new MemoryStream([.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes(xml)]);

        Assert.True(CapXmlReader.Read(stream).IsValid);
    }

    [Fact]
    public void Read_WhenNamespaceIsCap11_SaysOnlyCap12IsAccepted()
    {
        var xml = SpecificationExamples.SevereThunderstormWarning.Replace("cap:1.2", "cap:1.1", StringComparison.Ordinal);

        var result = CapXmlReader.Read(xml);

        Assert.Null(result.Alert);
        var problem = Assert.Single(result.Problems);
        Assert.Contains("CAP 1.1", problem.Reason, StringComparison.Ordinal);
        Assert.Contains(CapAlert.Namespace, problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenNamespaceIsMissing_SaysWhichIsRequired()
    {
        var result = CapXmlReader.Read("<alert><identifier>x</identifier></alert>");

        Assert.Contains("has no namespace", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenRootIsNotAlert_RefusesIt()
    {
        var result = CapXmlReader.Read("""<info xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>""");

        Assert.Contains("not a CAP <alert>", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenXmlSignatureIsPresent_IgnoresIt()
    {
        const string signature = """
            <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
              <ds:SignedInfo><ds:Reference URI=""><ds:DigestValue>AAAA</ds:DigestValue></ds:Reference></ds:SignedInfo>
              <ds:SignatureValue>BBBB</ds:SignatureValue>
            </ds:Signature>
            """;
        var plain = CapXmlReader.Read(SpecificationExamples.EarthquakeReport).EnsureValid();
        var signedXml = SpecificationExamples.EarthquakeReport.Replace("</alert>", signature + "</alert>", StringComparison.Ordinal);

        var signed = CapXmlReader.Read(signedXml).EnsureValid();

        Assert.Equal(plain, signed);
    }

    [Fact]
    public void Read_WhenUnknownOrDuplicateElementsAppear_ReportsEach()
    {
        var xml = Minimal(extraAlert: "<identifier>again</identifier><severty>Extreme</severty>");

        var result = CapXmlReader.Read(xml);

        Assert.Contains(result.Problems, problem => problem.Path == "identifier" && problem.Reason.Contains("appears 2 times", StringComparison.Ordinal));
        Assert.Contains(result.Problems, problem => problem.Path == "severty" && problem.Reason.Contains("not a CAP 1.2 element", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_WhenATextElementHoldsElements_ReportsIt()
    {
        var result = CapXmlReader.Read(Minimal(extraInfo: "<headline><b>bold</b></headline>"));

        Assert.Contains(result.Problems, problem => problem.Path == "info[0].headline" && problem.Reason.Contains("must hold text", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_WhenCommentsAndProcessingInstructionsAppear_IgnoresThem()
    {
        var xml = Minimal().Replace("<status>", "<!-- note --><?pi data?><status>", StringComparison.Ordinal);

        Assert.True(CapXmlReader.Read(xml).IsValid);
    }

    [Fact]
    public void Read_ReportsEveryProblemNotJustTheFirst()
    {
        var xml = Minimal(
            sent: "2026-07-01T00:00:00Z",
            status: "Live",
            urgency: "Soon",
            area: "<areaDesc>x</areaDesc><circle>29.6,104.0</circle><polygon>1,1 2,2 1,1</polygon>");

        var result = CapXmlReader.Read(xml);

        Assert.True(result.Problems.Count >= 5, string.Join("; ", result.Problems));
        Assert.Equal(
            ["info[0].area[0].circle[0]", "info[0].area[0].polygon[0]", "info[0].urgency", "sent", "status"],
            result.Problems.Select(problem => problem.Path).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EnsureValid_WhenInvalid_ThrowsWithEveryProblem()
    {
        var result = CapXmlReader.Read(Minimal(status: "Live", urgency: "Soon"));

        var exception = Assert.Throws<CapParseException>(result.EnsureValid);

        Assert.Equal(result.Problems, exception.Problems);
        Assert.Contains("status", exception.Message, StringComparison.Ordinal);
    }

    internal static string Minimal(
        string sent = "2026-07-01T08:00:00+08:00",
        string status = "Actual",
        string urgency = "Immediate",
        string category = "Met",
        string area = "<areaDesc>井研县全境</areaDesc>",
        string extraAlert = "",
        string extraInfo = "") => Head + $"""
        <identifier>T-1</identifier>
        <sender>a@b</sender>
        <sent>{sent}</sent>
        <status>{status}</status>
        <msgType>Alert</msgType>
        <scope>Public</scope>
        {extraAlert}
        <info>
          <category>{category}</category>
          <event>暴雨</event>
          <urgency>{urgency}</urgency>
          <severity>Extreme</severity>
          <certainty>Likely</certainty>
          {extraInfo}
          <area>{area}</area>
        </info>
        </alert>
        """;
}
