using WarningHub.Core.Cap;

namespace WarningHub.Core.Tests.Cap;

public class CapLimitsTests
{
    private static CapInfo Info => TestAlerts.Info;

    private static CapAlert With(CapInfo info) => TestAlerts.Alert with { Infos = [info] };

    private static CapAlert With(CapArea area) => With(Info with { Areas = [area] });

    private static CapPolygon Ring(int points) =>
        new([.. Enumerable.Range(0, points - 1).Select(i => new CapPoint(29.6 + (i * 1e-6), 104.0)), new CapPoint(29.6, 104.0)]);

    public static TheoryData<string, CapAlert> OverTheLimit => new()
    {
        { "identifier", TestAlerts.Alert with { Identifier = new string('i', 900_000) } },
        { "sender", TestAlerts.Alert with { Sender = new string('s', CapLimits.Token + 1) } },
        { "note", TestAlerts.Alert with { Note = new string('n', CapLimits.Note + 1) } },
        {
            "references", TestAlerts.Alert with
            {
                MsgType = CapMsgType.Update,
                References = [.. Enumerable.Range(0, CapLimits.References + 1).Select(i => new CapReference("a@b", $"ID-{i}", TestAlerts.Sent.AddHours(-1)))],
            }
        },
        { "info", TestAlerts.Alert with { Infos = [.. Enumerable.Repeat(Info, CapLimits.Infos + 1)] } },
        { "info[0].event", With(Info with { Event = new string('e', CapLimits.Event + 1) }) },
        { "info[0].senderName", With(Info with { SenderName = new string('n', CapLimits.SenderName + 1) }) },
        { "info[0].headline", With(Info with { Headline = new string('标', 900_000) }) },
        { "info[0].description", With(Info with { Description = new string('>', 400_000) }) },
        { "info[0].instruction", With(Info with { Instruction = new string('<', CapLimits.LongText + 1) }) },
        { "info[0].contact", With(Info with { Contact = new string('c', CapLimits.Contact + 1) }) },
        { "info[0].web", With(Info with { Web = "https://x.example/" + new string('w', CapLimits.Contact) }) },
        { "info[0].parameter", With(Info with { Parameters = [.. Enumerable.Repeat(new CapNamedValue("p", "v"), CapLimits.Parameters + 1)] }) },
        { "info[0].area", With(Info with { Areas = [.. Enumerable.Repeat(TestAlerts.County, CapLimits.Areas + 1)] }) },
        { "info[0].area[0].areaDesc", With(TestAlerts.County with { AreaDesc = new string('县', CapLimits.AreaDesc + 1) }) },
        { "info[0].area[0].geocode", With(TestAlerts.County with { Geocodes = [.. Enumerable.Repeat(TestAlerts.County.Geocodes[0], CapLimits.Geocodes + 1)] }) },
        { "info[0].area[0].polygon", With(TestAlerts.County with { Polygons = [.. Enumerable.Repeat(Ring(4), CapLimits.Shapes + 1)] }) },
        { "info[0].area[0].polygon[1]", With(TestAlerts.County with { Polygons = [Ring(4), Ring(CapLimits.PolygonPoints + 1)] }) },
        { "info[0].area[0].circle", With(TestAlerts.County with { Circles = [.. Enumerable.Repeat(new CapCircle(new CapPoint(29.6, 104.0), 1), CapLimits.Shapes + 1)] }) },
    };

    [Theory]
    [MemberData(nameof(OverTheLimit))]
    public void Validate_WhenAFieldIsOverItsLimit_NamesTheFieldAndTheLimit(string path, CapAlert alert)
    {
        var problems = CapValidator.Validate(alert);

        var problem = Assert.Single(problems, p => p.Path == path);
        Assert.Contains("this hub takes at most", problem.Reason, StringComparison.Ordinal);
        Assert.True(problem.Reason.Length < 100, problem.Reason);
    }

    [Fact]
    public void Validate_WhenEveryFieldIsExactlyAtItsLimit_FindsNothing()
    {
        var area = TestAlerts.County with
        {
            AreaDesc = new string('县', CapLimits.AreaDesc),
            Geocodes = [.. Enumerable.Repeat(TestAlerts.County.Geocodes[0], CapLimits.Geocodes)],
            Polygons = [Ring(CapLimits.PolygonPoints)],
        };
        var info = Info with
        {
            Event = new string('e', CapLimits.Event),
            Headline = new string('标', CapLimits.Headline),
            Description = new string('d', CapLimits.LongText),
            Instruction = new string('i', CapLimits.LongText),
            Areas = [area],
        };
        var alert = TestAlerts.Alert with
        {
            Identifier = new string('i', CapLimits.Token),
            Sender = new string('s', CapLimits.Token),
            Infos = [.. Enumerable.Repeat(info, CapLimits.Infos)],
        };

        Assert.Empty(CapValidator.Validate(alert));
    }

    [Fact]
    public void Read_WhenHeadlineIsHuge_IsNotValidAndNamesTheHeadline()
    {
        var xml = CapXmlReaderTests.Minimal(extraInfo: "<headline>" + new string('h', 900_000) + "</headline>");

        var result = CapXmlReader.Read(xml);

        Assert.False(result.IsValid);
        Assert.Equal("info[0].headline", Assert.Single(result.Problems).Path);
    }
}
