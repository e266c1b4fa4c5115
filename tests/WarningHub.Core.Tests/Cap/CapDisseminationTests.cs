using WarningHub.Core.Cap;

namespace WarningHub.Core.Tests.Cap;

public class CapDisseminationTests
{
    [Fact]
    public void ValidateForDissemination_WhenEnglishInfoHasOnlyAnAreaDesc_FindsNothing()
    {
        var alert = CapXmlReader.Read(BilingualSample.Xml).EnsureValid();

        Assert.Empty(CapValidator.ValidateForDissemination(alert));
        Assert.Equal([0], CapDissemination.InfoIndexes(alert));
        Assert.Equal("zh-CN", CapDissemination.MainInfo(alert)!.Language);
    }

    [Fact]
    public void ValidateForDissemination_WhenAChineseInfoDoesNotLocate_NamesItsArea()
    {
        var english = TestAlerts.Info with { Language = "en-US", Event = "Rainstorm" };
        var unlocated = TestAlerts.Info with { Areas = [new CapArea { AreaDesc = "研城街道" }] };
        var alert = TestAlerts.Alert with { Infos = [english, TestAlerts.Info, unlocated] };

        var problem = Assert.Single(CapValidator.ValidateForDissemination(alert));

        Assert.Equal("info[2].area", problem.Path);
        Assert.Contains("disseminated", problem.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateForDissemination_WhenNoInfoIsChinese_RequiresTheFirstToLocateAndNotTheOthers()
    {
        var words = new CapArea { AreaDesc = "Jingyan" };
        var first = TestAlerts.Info with { Language = "en-US", Areas = [words] };
        var second = TestAlerts.Info with { Language = "fr-FR", Areas = [words], Expires = null };

        var problems = CapValidator.ValidateForDissemination(TestAlerts.Alert with { Infos = [first, second] });

        Assert.Equal("info[0].area", Assert.Single(problems).Path);
    }

    [Fact]
    public void ValidateForDissemination_WhenTheOnlyGeocodeIsOfAnotherScheme_SaysTheInfoDoesNotLocate()
    {
        var area = new CapArea { AreaDesc = "井研县", Geocodes = [new CapNamedValue("SAME", "511124")] };

        var problems = CapValidator.ValidateForDissemination(TestAlerts.Alert with { Infos = [TestAlerts.Info with { Areas = [area] }] });

        Assert.Equal("info[0].area", Assert.Single(problems).Path);
    }

    [Theory]
    [InlineData("zh", true)]
    [InlineData("zh-CN", true)]
    [InlineData("ZH-hans-cn", true)]
    [InlineData("zha", false)]
    [InlineData("en-US", false)]
    [InlineData("", false)]
    public void IsChinese_CountsChineseTagsOnly(string language, bool expected) =>
        Assert.Equal(expected, CapDissemination.IsChinese(language));

    [Fact]
    public void MainInfo_WhenZhuangComesBeforeChinese_TakesTheChinese()
    {
        var zhuang = TestAlerts.Info with { Language = "zha" };
        var alert = TestAlerts.Alert with { Infos = [zhuang, TestAlerts.Info] };

        Assert.Same(alert.Infos[1], CapDissemination.MainInfo(alert));
    }

    [Theory]
    [InlineData("行政区划代码", true)]
    [InlineData(" GB/T 2260 ", true)]
    [InlineData("SAME", false)]
    [InlineData("行政区划", false)]
    public void IsDivisionCode_ReadsTheValueNameOnly(string valueName, bool expected) =>
        Assert.Equal(expected, CapGeocodes.IsDivisionCode(new CapNamedValue(valueName, "511124000000")));
}
