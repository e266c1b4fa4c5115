using WarningHub.Core.Cap;

namespace WarningHub.Core.Tests.Cap;

public class CapValidatorTests
{
    [Fact]
    public void Validate_WhenAlertIsComplete_FindsNothing()
    {
        Assert.Empty(CapValidator.Validate(TestAlerts.Alert));
        Assert.Empty(CapValidator.ValidateForDissemination(TestAlerts.Alert));
    }

    [Theory]
    [InlineData("has space", "whitespace")]
    [InlineData("a,b", "a comma")]
    [InlineData("a<b", "'<'")]
    [InlineData("a&b", "'&'")]
    [InlineData("", "is required")]
    public void Validate_WhenIdentifierHasForbiddenCharacters_SaysWhich(string identifier, string expected)
    {
        var problems = CapValidator.Validate(TestAlerts.Alert with { Identifier = identifier, Sender = identifier });

        Assert.Contains(problems, problem => problem.Path == "identifier" && problem.Reason.Contains(expected, StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Path == "sender" && problem.Reason.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(CapMsgType.Update)]
    [InlineData(CapMsgType.Cancel)]
    [InlineData(CapMsgType.Ack)]
    [InlineData(CapMsgType.Error)]
    public void Validate_WhenMessageRefersToOthersWithoutReferences_RequiresThem(CapMsgType msgType)
    {
        var problems = CapValidator.Validate(TestAlerts.Alert with { MsgType = msgType });

        var problem = Assert.Single(problems);
        Assert.Equal("references", problem.Path);
        Assert.Contains(msgType.ToString(), problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenReferenceIsMalformed_ReportsItsParts()
    {
        var alert = TestAlerts.Alert with
        {
            MsgType = CapMsgType.Update,
            References =
            [
                new CapReference("bad sender", "ID-0", TestAlerts.Sent.AddHours(-1)),
                new CapReference("a@b", "ID-0", TestAlerts.Sent.AddHours(1)),
                new CapReference(TestAlerts.Alert.Sender, TestAlerts.Alert.Identifier, TestAlerts.Sent),
            ],
        };

        var problems = CapValidator.Validate(alert);

        Assert.Contains(problems, problem => problem.Path == "references[0].sender");
        Assert.Contains(problems, problem => problem.Path == "references[1]" && problem.Reason.Contains("after this message", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Path == "references[2]" && problem.Reason.Contains("itself", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_WhenReferencesTextIsMalformed_ReaderReportsIt()
    {
        var xml = CapXmlReaderTests.Minimal(extraAlert: "<references>a@b,ID-0 a@b,ID-1,2026-07-01T07:00:00+08:00</references>")
            .Replace("<msgType>Alert</msgType>", "<msgType>Update</msgType>", StringComparison.Ordinal);

        var result = CapXmlReader.Read(xml);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("references", problem.Path);
        Assert.Contains("'a@b,ID-0' is not 'sender,identifier,sent'", problem.Reason, StringComparison.Ordinal);
        Assert.Single(result.Alert!.References);
    }

    [Fact]
    public void Validate_WhenScopeIsRestrictedWithoutRestriction_RequiresIt()
    {
        var problem = Assert.Single(CapValidator.Validate(TestAlerts.Alert with { Scope = CapScope.Restricted }));

        Assert.Equal("restriction", problem.Path);
    }

    [Fact]
    public void Validate_WhenScopeIsPrivateWithoutAddresses_RequiresThem()
    {
        var problem = Assert.Single(CapValidator.Validate(TestAlerts.Alert with { Scope = CapScope.Private }));

        Assert.Equal("addresses", problem.Path);
        Assert.Empty(CapValidator.Validate(TestAlerts.Alert with { Scope = CapScope.Private, Addresses = ["officers"] }));
    }

    [Fact]
    public void Validate_WhenEnumValuesAreUnsetOrUndefined_ReportsThem()
    {
        var alert = TestAlerts.Alert with
        {
            Status = default,
            Scope = (CapScope)99,
            Infos = [TestAlerts.Info with { Categories = [(CapCategory)42], Urgency = default }],
        };

        var problems = CapValidator.Validate(alert);

        Assert.Contains(problems, problem => problem.Path == "status" && problem.Reason.StartsWith("is required", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Path == "scope" && problem.Reason.Contains("99 is not a CAP Scope", StringComparison.Ordinal));
        Assert.Contains(problems, problem => problem.Path == "info[0].category[0]");
        Assert.Contains(problems, problem => problem.Path == "info[0].urgency");
    }

    [Fact]
    public void Validate_WhenAlertHasNoInfo_RequiresOneButCancelMayHaveNone()
    {
        var problem = Assert.Single(CapValidator.Validate(TestAlerts.Alert with { Infos = [] }));
        Assert.Equal("info", problem.Path);

        var cancel = TestAlerts.Alert with
        {
            MsgType = CapMsgType.Cancel,
            Infos = [],
            References = [new CapReference("a@b", "ID-0", TestAlerts.Sent.AddHours(-1))],
        };
        Assert.Empty(CapValidator.Validate(cancel));
        Assert.Empty(CapValidator.ValidateForDissemination(cancel));
    }

    [Theory]
    [InlineData(3, "needs at least 4")]
    [InlineData(4, "is not closed")]
    public void Validate_WhenPolygonIsNotAClosedRing_SaysWhy(int points, string expected)
    {
        var ring = Enumerable.Range(0, points).Select(i => new CapPoint(29.5 + (0.1 * i), 104.0 + (0.05 * i))).ToList();

        var problems = Validate(TestAlerts.County with { Polygons = [new CapPolygon(ring)] });

        var problem = Assert.Single(problems);
        Assert.Equal("info[0].area[0].polygon[0]", problem.Path);
        Assert.Contains(expected, problem.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(90.5, 104)]
    [InlineData(-91, 104)]
    [InlineData(29.6, 180.1)]
    [InlineData(29.6, -181)]
    public void Validate_WhenCoordinatesAreOffTheEarth_ReportsThePoint(double latitude, double longitude)
    {
        var bad = new CapPoint(latitude, longitude);
        var ring = new CapPolygon([bad, new(29.7, 104.2), new(29.5, 104.2), bad]);
        var circle = new CapCircle(bad, 5);

        var problems = Validate(TestAlerts.County with { Polygons = [ring], Circles = [circle] });

        Assert.Equal(3, problems.Count);
        Assert.Equal(2, problems.Count(problem => problem.Path == "info[0].area[0].polygon[0]" && problem.Reason.Contains("outside", StringComparison.Ordinal)));
        Assert.Contains(problems, problem => problem.Path == "info[0].area[0].circle[0]" && problem.Reason.Contains("centre", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Validate_WhenCircleRadiusIsNegativeOrNotFinite_ReportsIt(double radius)
    {
        var problem = Assert.Single(Validate(TestAlerts.County with { Circles = [new CapCircle(new CapPoint(29.6, 104.0), radius)] }));

        Assert.Equal("info[0].area[0].circle[0]", problem.Path);
        Assert.Contains("radius", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenCircleRadiusIsZero_AcceptsIt()
    {
        Assert.Empty(Validate(TestAlerts.County with { Circles = [new CapCircle(new CapPoint(29.6, 104.0), 0)] }));
    }

    [Fact]
    public void Validate_WhenExpiresIsNotAfterEffective_ReportsIt()
    {
        var info = TestAlerts.Info with { Expires = TestAlerts.Sent };

        var problem = Assert.Single(CapValidator.Validate(TestAlerts.Alert with { Infos = [info] }));

        Assert.Equal("info[0].expires", problem.Path);
        Assert.Contains("is not after effective", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenExpiresIsBeforeSentAndThereIsNoEffective_ComparesWithSent()
    {
        var info = TestAlerts.Info with { Effective = null, Expires = TestAlerts.Sent.AddMinutes(-1) };

        var problem = Assert.Single(CapValidator.Validate(TestAlerts.Alert with { Infos = [info] }));

        Assert.Contains("is not after sent", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenTimesHaveFractionalSeconds_ReportsThem()
    {
        var alert = TestAlerts.Alert with { Sent = TestAlerts.Sent.AddMilliseconds(250) };

        var problem = Assert.Single(CapValidator.Validate(alert));

        Assert.Equal("sent", problem.Path);
        Assert.Empty(CapValidator.Validate(alert with { Sent = CapTime.ToCapPrecision(alert.Sent) }));
    }

    [Fact]
    public void Validate_WhenInfoElementsAreIncomplete_ReportsEveryOne()
    {
        var info = TestAlerts.Info with
        {
            Language = "zh CN",
            Categories = [],
            Event = " ",
            Web = "not a url",
            Parameters = [new CapNamedValue(string.Empty, "x")],
            Resources = [new CapResource { ResourceDesc = "map", MimeType = string.Empty, Size = -1, Digest = "abc" }],
            Areas = [TestAlerts.County with { AreaDesc = string.Empty, Geocodes = [new CapNamedValue("行政区划代码", string.Empty)], Ceiling = 10 }],
        };

        var problems = CapValidator.Validate(TestAlerts.Alert with { Infos = [info] });

        Assert.Equal(
            [
                "info[0].area[0].areaDesc", "info[0].area[0].ceiling", "info[0].area[0].geocode[0].value", "info[0].category",
                "info[0].event", "info[0].language", "info[0].parameter[0].valueName", "info[0].resource[0].digest",
                "info[0].resource[0].mimeType", "info[0].resource[0].size", "info[0].web",
            ],
            problems.Select(problem => problem.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ValidateForDissemination_WhenInfoHasNoLocatedAreaOrExpiry_ReportsBoth()
    {
        var info = TestAlerts.Info with { Expires = null, Areas = [new CapArea { AreaDesc = "somewhere" }] };
        var alert = TestAlerts.Alert with { Infos = [TestAlerts.Info, info] };

        Assert.Empty(CapValidator.Validate(alert));
        var problems = CapValidator.ValidateForDissemination(alert);

        Assert.Equal(["info[1].area", "info[1].expires"], problems.Select(problem => problem.Path));
    }

    [Fact]
    public void ValidateForDissemination_WhenInfoHasNoAreaAtAll_ReportsIt()
    {
        var alert = TestAlerts.Alert with { Infos = [TestAlerts.Info with { Areas = [] }] };

        Assert.Equal("info[0].area", Assert.Single(CapValidator.ValidateForDissemination(alert)).Path);
    }

    [Theory]
    [InlineData(CapMsgType.Ack)]
    [InlineData(CapMsgType.Error)]
    public void ValidateForDissemination_WhenMessageIsBetweenSystems_RefusesIt(CapMsgType msgType)
    {
        var alert = TestAlerts.Alert with { MsgType = msgType, References = [new CapReference("a@b", "ID-0", TestAlerts.Sent)] };

        Assert.Empty(CapValidator.Validate(alert));
        Assert.Equal("msgType", Assert.Single(CapValidator.ValidateForDissemination(alert)).Path);
    }

    [Fact]
    public void ValidateForDissemination_IncludesTheCapRules()
    {
        var alert = TestAlerts.Alert with { Identifier = "a b" };

        Assert.Contains(CapValidator.ValidateForDissemination(alert), problem => problem.Path == "identifier");
    }

    private static IReadOnlyList<CapProblem> Validate(CapArea area) =>
        CapValidator.Validate(TestAlerts.Alert with { Infos = [TestAlerts.Info with { Areas = [area] }] });
}
