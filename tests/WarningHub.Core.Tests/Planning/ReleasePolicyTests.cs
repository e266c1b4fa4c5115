using WarningHub.Core.Cap;
using WarningHub.Core.Planning;
using WarningHub.Core.Planning.Policy;

namespace WarningHub.Core.Tests.Planning;

public sealed class ReleasePolicyTests
{
    private static string Root([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));

    [Fact]
    public void BuiltInPolicy_SendsEveryWarningToEveryAudienceOnEveryChannel_AndLeavesRepeatsAndCallsToTheSettings()
    {
        var policy = ReleasePolicy.Load();
        var decision = policy.For("暴雨", WarningLevel.Red);

        Assert.True(Channels.All.All(decision.Allows));
        Assert.True(decision.IncludesPublic);
        Assert.Null(decision.Repeat);
        Assert.False(decision.NoRepeats);
        Assert.Null(decision.Acknowledge);
        Assert.Null(decision.DoorToDoor); // the DoorToDoor settings decide
    }

    [Fact]
    public void ShippedFiles_AreValid()
    {
        Assert.Equal(1, ReleasePolicy.Load(Path.Combine(Root(), "config", "policy.json")).Count);
        var example = ReleasePolicy.Load(Path.Combine(Root(), "config", "examples", "policy.json"));
        Assert.False(example.For("大雾", WarningLevel.Yellow).IncludesPublic);
        Assert.Equal(new PolicyRepeat(TimeSpan.FromMinutes(10), 6), example.For("暴雨", WarningLevel.Red).Repeat);
    }

    [Fact]
    public void For_PrefersEventAndLevel_ThenEvent_ThenLevel_ThenTheFallback()
    {
        var policy = ReleasePolicy.Parse("""
            { "rules": [
              { "event": "*", "level": "*", "audiences": ["public"] },
              { "event": "*", "level": "Red", "audiences": ["public", "media"] },
              { "event": "大雾", "level": "*", "audiences": ["officers"] },
              { "event": "大雾", "level": "Red", "audiences": ["officers", "media"] },
              { "event": "山洪", "level": "None", "audiences": ["media"] }
            ] }
            """, "test");

        Assert.Equal("rules[3] (大雾, Red)", policy.For("大雾", WarningLevel.Red).Rule);
        Assert.Equal("rules[2] (大雾, *)", policy.For("大雾", WarningLevel.Blue).Rule);
        Assert.Equal("rules[1] (*, Red)", policy.For("暴雨", WarningLevel.Red).Rule);
        Assert.Equal("rules[0] (*, *)", policy.For("暴雨", WarningLevel.Blue).Rule);
        Assert.Equal("rules[4] (山洪, None)", policy.For("山洪", null).Rule);
        Assert.False(policy.For("大雾", WarningLevel.Red).Allows(Channels.Sms) && policy.For("大雾", WarningLevel.Red).IncludesPublic);
    }

    [Fact]
    public void Parse_ListsEveryProblemWithItsPlace()
    {
        var ex = Assert.Throws<InvalidDataException>(() => ReleasePolicy.Parse("""
            { "rules": [
              { "event": "暴雨", "level": "Purple", "audiences": ["public", "press"] },
              { "event": "山洪", "level": "Red", "audiences": ["public"], "channels": ["sms", "fax", "tv"] },
              { "event": "山洪", "level": "Red", "audiences": ["officers"] },
              { "event": "地质灾害", "level": "*", "audiences": ["public"], "repeat": { "every": "00:00:10" } },
              { "event": "冰雹", "level": "*", "audiences": ["public"], "repeat": { "count": 2 } },
              { "level": "Blue", "audiences": [] }
            ] }
            """, "test"));

        Assert.Contains("rules[0].level 'Purple' is not a level", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rules[0].audiences[1] 'press' is not an audience", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rules[1].channels[1] 'fax' is not a channel", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rules[1].channels[2] 'tv' reaches none of the rule's audiences", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rules[2]: duplicate rule for event '山洪' and level 'Red'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rules[3].repeat.every '00:00:10' is not an interval", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rules[4].repeat.every is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rules[5].event is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rules[5].audiences needs at least one", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_WithoutAFallbackRule_IsRefused_AndUnknownKeysAreRefused()
    {
        var missing = Assert.Throws<InvalidDataException>(() => ReleasePolicy.Parse("""{ "rules": [ { "event": "暴雨", "level": "*", "audiences": ["public"] } ] }""", "test"));
        Assert.Contains("\"*\" and level \"*\" is required", missing.Message, StringComparison.Ordinal);
        var typo = Assert.Throws<InvalidDataException>(() => ReleasePolicy.Parse("""{ "rules": [ { "event": "*", "level": "*", "audience": ["public"] } ] }""", "test"));
        Assert.Contains("audience", typo.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ChannelsOff_ReadsNamesInAnyCase_AndNamesTheParameterOfAnUnknownOne()
    {
        var info = new CapInfo { Event = "暴雨", Urgency = CapUrgency.Immediate, Severity = CapSeverity.Extreme, Certainty = CapCertainty.Likely, Parameters = [new CapNamedValue("预警级别", "红色"), new CapNamedValue(ChannelsOff.ParameterName, " SMS ,wechat,pager")] };
        var alert = new CapAlert { Identifier = "x", Sender = "s", Sent = DateTimeOffset.UnixEpoch, Status = CapStatus.Actual, MsgType = CapMsgType.Alert, Scope = CapScope.Public, Infos = [info] };

        Assert.Equal(new HashSet<string> { "sms", "wechat" }, ChannelsOff.Of(alert));
        var problem = Assert.Single(ChannelsOff.Check(alert));
        Assert.Equal("info[0].parameter[1]", problem.Path);
        Assert.Contains("'pager'", problem.Reason, StringComparison.Ordinal);
    }
}
