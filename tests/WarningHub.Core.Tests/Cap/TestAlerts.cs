using WarningHub.Core.Cap;

namespace WarningHub.Core.Tests.Cap;

/// <summary>Small valid alerts for tests to change one thing at a time (with <c>with</c>).</summary>
internal static class TestAlerts
{
    public static readonly DateTimeOffset Sent = new(2026, 7, 15, 2, 30, 0, TimeSpan.FromHours(8));

    public static CapArea County => new()
    {
        AreaDesc = "井研县全境",
        Geocodes = [new CapNamedValue(CapValueNames.DivisionCode, "511124000000")],
    };

    public static CapInfo Info => new()
    {
        Language = "zh-CN",
        Categories = [CapCategory.Met],
        Event = "暴雨",
        Urgency = CapUrgency.Immediate,
        Severity = CapSeverity.Extreme,
        Certainty = CapCertainty.Likely,
        Effective = Sent,
        Expires = Sent.AddHours(12),
        Headline = "井研县气象台发布暴雨红色预警信号",
        Areas = [County],
    };

    public static CapAlert Alert => new()
    {
        Identifier = "TEST-1",
        Sender = "jingyan.qxj@weather.example",
        Sent = Sent,
        Status = CapStatus.Actual,
        MsgType = CapMsgType.Alert,
        Scope = CapScope.Public,
        Infos = [Info],
    };

    /// <summary>An alert using every element of the model, for round trips.</summary>
    public static CapAlert Everything => new()
    {
        Identifier = "EVERY-1",
        Sender = "jingyan.yjj@gov.example",
        Sent = new DateTimeOffset(2026, 7, 15, 3, 0, 0, TimeSpan.Zero),
        Status = CapStatus.Actual,
        MsgType = CapMsgType.Update,
        Source = "值班员 张三",
        Scope = CapScope.Private,
        Restriction = "not used for Private, kept anyway",
        Addresses = ["town-officers", "村 广播员"],
        Codes = ["IPAWSv1.0", "synthetic"],
        Note = "line one\nline two & <three>",
        References = [new CapReference("jingyan.qxj@weather.example", "TEST-0", Sent)],
        Incidents = ["rain-2026-07", "second incident"],
        Infos =
        [
            Info with
            {
                ResponseTypes = [CapResponseType.Shelter, CapResponseType.AllClear],
                Audience = "公众",
                EventCodes = [new CapNamedValue("预警类型", "暴雨")],
                Onset = Sent.AddMinutes(5),
                SenderName = "井研县气象台",
                Description = "first line\n\tindented second line & <escaped>",
                Instruction = "转移",
                Web = "https://weather.example/warnings/1",
                Contact = "值班室",
                Parameters = [new CapNamedValue(CapValueNames.WarningLevelZh, "红色"), new CapNamedValue("empty", string.Empty)],
                Resources =
                [
                    new CapResource
                    {
                        ResourceDesc = "雷达图",
                        MimeType = "image/png",
                        Size = 12345,
                        Uri = "https://weather.example/radar.png",
                        DerefUri = "iVBORw0KGgo=",
                        Digest = "da39a3ee5e6b4b0d3255bfef95601890afd80709",
                    },
                ],
                Areas =
                [
                    County with
                    {
                        Polygons = [new CapPolygon([new(29.7, 104.0), new(29.7, 104.2), new(29.5, 104.2), new(29.7, 104.0)])],
                        Circles = [new CapCircle(new CapPoint(29.65, 104.07), 12.5)],
                        Altitude = 1200.5,
                        Ceiling = 3000,
                    },
                ],
            },
        ],
    };
}
