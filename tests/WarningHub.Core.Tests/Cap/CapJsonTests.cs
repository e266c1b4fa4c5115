using System.Text;
using System.Text.Json;
using WarningHub.Core.Cap;

namespace WarningHub.Core.Tests.Cap;

public class CapJsonTests
{
    [Theory]
    [MemberData(nameof(SpecificationExamples.All), MemberType = typeof(SpecificationExamples))]
    public void XmlToModelToJsonToModel_GivesAnEqualAlert(string name, string xml)
    {
        var fromXml = CapXmlReader.Read(xml).EnsureValid();

        var fromJson = CapJsonReader.Read(CapJsonWriter.ToJson(fromXml)).EnsureValid();

        Assert.True(fromXml == fromJson, name);
    }

    [Fact]
    public void JsonRoundTrip_KeepsEveryElementOfTheModel()
    {
        var original = TestAlerts.Everything;

        var result = CapJsonReader.Read(CapJsonWriter.ToJson(original, indent: false));

        Assert.NotNull(result.Alert);
        Assert.Equal(original, result.Alert);
    }

    [Fact]
    public void JsonSample_IsTheSameWarningAsTheXmlSample()
    {
        var fromXml = CapXmlReader.Read(CapSamples.Text("red-rainstorm.cap.xml")).EnsureValid();
        using var stream = File.OpenRead(CapSamples.Path("red-rainstorm.json"));

        var fromJson = CapJsonReader.Read(stream).EnsureValid();

        Assert.Equal(fromXml, fromJson);
        Assert.Equal(fromXml.ComputeFingerprint(), fromJson.ComputeFingerprint());
    }

    [Fact]
    public void Write_UsesCapElementNamesArraysForRepeatedElementsAndCapTextForGeometry()
    {
        using var document = JsonDocument.Parse(CapJsonWriter.ToJson(TestAlerts.Everything));
        var root = document.RootElement;

        Assert.Equal("EVERY-1", root.GetProperty("identifier").GetString());
        Assert.Equal("2026-07-15T03:00:00-00:00", root.GetProperty("sent").GetString());
        Assert.Equal("Update", root.GetProperty("msgType").GetString());
        Assert.Equal("jingyan.qxj@weather.example,TEST-0,2026-07-15T02:30:00+08:00", root.GetProperty("references").GetString());
        var info = root.GetProperty("info")[0];
        Assert.Equal("Met", info.GetProperty("category")[0].GetString());
        Assert.Equal("红色", info.GetProperty("parameter")[0].GetProperty("value").GetString());
        Assert.Equal(12345, info.GetProperty("resource")[0].GetProperty("size").GetInt64());
        var area = info.GetProperty("area")[0];
        Assert.Equal("29.7,104 29.7,104.2 29.5,104.2 29.7,104", area.GetProperty("polygon")[0].GetString());
        Assert.Equal("29.65,104.07 12.5", area.GetProperty("circle")[0].GetString());
        Assert.Equal("511124000000", area.GetProperty("geocode")[0].GetProperty("value").GetString());
        Assert.Equal(1200.5, area.GetProperty("altitude").GetDouble());
    }

    [Fact]
    public void Write_KeepsChineseReadable()
    {
        var json = CapJsonWriter.ToJson(TestAlerts.Alert);

        Assert.Contains("井研县气象台发布暴雨红色预警信号", json, StringComparison.Ordinal);
        Assert.Contains("+08:00", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenPropertiesAreUnknownDuplicatedOrOfTheWrongType_ReportsEachWithItsPath()
    {
        const string json = """
            {
              "identifier": "T-1", "identifier": "T-2", "sender": "a@b", "sent": "2026-07-01T08:00:00+08:00",
              "status": "Actual", "msgType": "Alert", "scope": "Public", "colour": "red",
              "info": [{
                "category": "Met", "event": 5, "urgency": "Immediate", "severity": "Extreme", "certainty": "Likely",
                "area": [{ "areaDesc": "x", "altitude": "high" }]
              }]
            }
            """;

        var result = CapJsonReader.Read(json);

        Assert.Contains(result.Problems, problem => problem.Path == "identifier" && problem.Reason.Contains("more than once", StringComparison.Ordinal));
        Assert.Contains(result.Problems, problem => problem.Path == "colour" && problem.Reason.Contains("not a CAP 1.2 element", StringComparison.Ordinal));
        Assert.Contains(result.Problems, problem => problem.Path == "info[0].category" && problem.Reason == "must be an array");
        Assert.Contains(result.Problems, problem => problem.Path == "info[0].event" && problem.Reason == "must be a string");
        Assert.Contains(result.Problems, problem => problem.Path == "info[0].area[0].altitude" && problem.Reason == "must be a number");
        Assert.Null(result.Alert);
    }

    [Fact]
    public void Read_WhenValuesAreNull_TreatsThemAsAbsent()
    {
        var json = CapJsonWriter.ToJson(TestAlerts.Alert).Replace("\"scope\": \"Public\",", "\"scope\": \"Public\", \"source\": null, \"code\": null,", StringComparison.Ordinal);

        var result = CapJsonReader.Read(json);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Null(result.Alert!.Source);
    }

    [Fact]
    public void Read_ReportsTheSamePathsAsXml()
    {
        var xml = CapXmlReaderTests.Minimal(status: "Live", area: "<areaDesc>x</areaDesc><polygon>1,1 2,2 1,1</polygon>");
        var fromXml = CapXmlReader.Read(xml);
        const string json = """
            {
              "identifier": "T-1", "sender": "a@b", "sent": "2026-07-01T08:00:00+08:00",
              "status": "Live", "msgType": "Alert", "scope": "Public",
              "info": [{
                "category": ["Met"], "event": "暴雨", "urgency": "Immediate", "severity": "Extreme", "certainty": "Likely",
                "area": [{ "areaDesc": "x", "polygon": ["1,1 2,2 1,1"] }]
              }]
            }
            """;

        var fromJson = CapJsonReader.Read(json);

        Assert.Equal(fromXml.Problems, fromJson.Problems);
    }

    [Fact]
    public void Read_WhenNestingExceedsTheDepthLimit_Refuses()
    {
        var json = "{\"note\":" + new string('[', 100) + new string(']', 100) + "}";

        var result = CapJsonReader.Read(json);

        Assert.Null(result.Alert);
        Assert.Contains("depth", Assert.Single(result.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WhenDocumentExceedsTheSizeLimit_Refuses()
    {
        var options = new CapReadOptions { MaxDocumentLength = 1_000 };
        var json = CapJsonWriter.ToJson(TestAlerts.Alert with { Note = new string('x', 2_000) });
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));

        Assert.Contains("size limit", Assert.Single(CapJsonReader.Read(json, options).Problems).Reason, StringComparison.Ordinal);
        Assert.Contains("size limit", Assert.Single(CapJsonReader.Read(stream, options).Problems).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"alert\"")]
    [InlineData("{ \"identifier\": ")]
    [InlineData("{ /* comment */ }")]
    public void Read_WhenTheDocumentIsNotAJsonObject_Refuses(string json)
    {
        var result = CapJsonReader.Read(json);

        Assert.Null(result.Alert);
        Assert.Equal(CapProblem.DocumentPath, Assert.Single(result.Problems).Path);
    }

    [Fact]
    public void Read_WhenTextHoldsControlCharacters_ReportsThem()
    {
        var json = CapJsonWriter.ToJson(TestAlerts.Alert).Replace("\"TEST-1\"", "\"TEST\\u0001\"", StringComparison.Ordinal);

        var result = CapJsonReader.Read(json);

        Assert.Contains(result.Problems, problem => problem.Path == "identifier" && problem.Reason.Contains("control characters", StringComparison.Ordinal));
    }
}
