using WarningHub.Core.Cap;
using WarningHub.Core.Templates.Text;

namespace WarningHub.Core.Tests.Templates;

public sealed class TextTemplatesTests
{
    private static readonly TextTemplates BuiltIn = TextTemplates.Load();

    private static TextValues Rainstorm(string instruction = "请立即转移到安全地带") => new()
    {
        Signature = "【井研县应急管理局】",
        Headline = "井研县气象台发布暴雨红色预警信号",
        Instruction = instruction,
        Sender = "井研县气象台",
        Effective = "2026-07-01 08:00",
    };

    [Fact]
    public void Sms_ActualAlert_IsSignatureHeadlineAndInstruction()
    {
        var text = BuiltIn.Render("sms", CapMsgType.Alert, CapStatus.Actual, Rainstorm());

        Assert.Equal("【井研县应急管理局】井研县气象台发布暴雨红色预警信号：请立即转移到安全地带", text);
    }

    [Theory]
    [InlineData(CapStatus.Exercise, "【演练】【非真实预警】")]
    [InlineData(CapStatus.Test, "【测试，非真实预警】")]
    [InlineData(CapStatus.System, "【系统测试，非真实预警】")]
    public void EveryChannel_MarksNonActualWarnings_FromTheStatusField(CapStatus status, string marker)
    {
        foreach (var channel in BuiltIn.Channels)
        {
            var text = BuiltIn.Render(channel, CapMsgType.Alert, status, Rainstorm() with { Link = "https://hub.example/b/1" });
            Assert.Contains(marker, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(CapMsgType.Cancel, "【解除】")]
    [InlineData(CapMsgType.Update, "【更正】")]
    public void CancelAndUpdate_SayWhatTheyAre_OnEveryChannel(CapMsgType msgType, string mark)
    {
        // A Cancel sends no door-to-door links: the all-clear ends the visits.
        foreach (var channel in BuiltIn.Channels.Where(c => !(c == TextTemplates.DoorToDoor && msgType == CapMsgType.Cancel)))
        {
            Assert.Contains(mark, BuiltIn.Render(channel, msgType, CapStatus.Actual, Rainstorm() with { Link = "https://hub.example/b/1" }), StringComparison.Ordinal);
        }
        Assert.DoesNotContain(mark, BuiltIn.Render("sms", CapMsgType.Alert, CapStatus.Actual, Rainstorm()), StringComparison.Ordinal);
    }

    [Fact]
    public void MissingInstruction_LeavesNoDanglingColon()
    {
        var text = BuiltIn.Render("sms", CapMsgType.Alert, CapStatus.Actual, Rainstorm(instruction: ""));

        Assert.Equal("【井研县应急管理局】井研县气象台发布暴雨红色预警信号", text);
    }

    [Fact]
    public void LongInstruction_IsShortenedToTheChannelLength_HeadlineKept()
    {
        var text = BuiltIn.Render("sms", CapMsgType.Alert, CapStatus.Exercise, Rainstorm(new string('转', 1000)));

        Assert.Equal(268, text.Length);
        Assert.StartsWith("【井研县应急管理局】【演练】【非真实预警】井研县气象台发布暴雨红色预警信号：转", text, StringComparison.Ordinal);
        Assert.EndsWith("转…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Broadcaster_CarriesTheLink()
    {
        var text = BuiltIn.Render("broadcaster", CapMsgType.Alert, CapStatus.Actual, Rainstorm() with { Link = "https://hub.example/b/W1/511124101001/abc" });

        Assert.EndsWith("https://hub.example/b/W1/511124101001/abc", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DoorToDoor_CarriesTheVillageAndTheCadresLink()
    {
        var text = BuiltIn.Render(TextTemplates.DoorToDoor, CapMsgType.Alert, CapStatus.Actual,
            Rainstorm() with { Link = "https://hub.example/d/W1/511124101001/7/abc", Village = "一村" });

        Assert.StartsWith("【井研县应急管理局】【入户通知】井研县气象台发布暴雨红色预警信号", text, StringComparison.Ordinal);
        Assert.Contains("请一村干部逐户通知", text, StringComparison.Ordinal);
        Assert.EndsWith("https://hub.example/d/W1/511124101001/7/abc", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DoorToDoorText_WithoutItsLink_IsRefused()
    {
        const string json = """
            {
              "status": { "Exercise": "【演练】", "Test": "【测试】", "System": "【系统】", "Draft": "【草稿】" },
              "channels": { "doorToDoor": { "maxLength": 268, "texts": { "*": "{signature}{status}{headline}", "Update": "{status}{headline}[：{link}]" } } }
            }
            """;

        var error = Assert.Throws<InvalidDataException>(() => TextTemplates.Parse(json, "test"));

        Assert.Contains("channels.doorToDoor.texts.* must contain {link}", error.Message, StringComparison.Ordinal);
        Assert.Contains("channels.doorToDoor.texts.Update must contain {link}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadFile_ListsEveryProblem()
    {
        const string json = """
            {
              "status": { "Exercise": "【演练】", "Test": "【测试】", "System": "", "Bogus": "x" },
              "channels": {
                "sms": { "maxLength": 10, "texts": { "Alert": "{signature}[{status}]{headline}{when}", "Later": "{status}{headline}" } }
              }
            }
            """;

        var error = Assert.Throws<InvalidDataException>(() => TextTemplates.Parse(json, "test"));

        Assert.Contains("status.System is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("status.Draft is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("status.Bogus is not a non-Actual CAP status", error.Message, StringComparison.Ordinal);
        Assert.Contains("channels.sms.maxLength must be at least 20", error.Message, StringComparison.Ordinal);
        Assert.Contains("channels.sms.texts.* (the default) is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("channels.sms.texts.Later is not Alert, Update, Cancel or *", error.Message, StringComparison.Ordinal);
        Assert.Contains("unknown placeholder {when}", error.Message, StringComparison.Ordinal);
        Assert.Contains("must not put {status} or {headline} inside an optional [section]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OperatorFolder_ReplacesTheBuiltInTexts()
    {
        var folder = Directory.CreateTempSubdirectory("wh-text-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, TextTemplates.FileName), """
                {
                  "status": { "Exercise": "【演练】", "Test": "【测试】", "System": "【系统】", "Draft": "【草稿】" },
                  "channels": { "sms": { "maxLength": 100, "texts": { "*": "{signature}{status}{headline}[（{sender}）]" } } }
                }
                """);

            var own = TextTemplates.Load(folder.FullName);

            Assert.Equal("【井研县应急管理局】【演练】井研县气象台发布暴雨红色预警信号（井研县气象台）",
                own.Render("sms", CapMsgType.Alert, CapStatus.Exercise, Rainstorm()));
            Assert.False(own.Has("wecom"));
            // A file from before door-to-door links keeps the built-in ones: no cadre is left without a link.
            Assert.Equal(BuiltIn.Render(TextTemplates.DoorToDoor, CapMsgType.Alert, CapStatus.Actual, Rainstorm() with { Link = "https://hub.example/d/1" }),
                own.Render(TextTemplates.DoorToDoor, CapMsgType.Alert, CapStatus.Actual, Rainstorm() with { Link = "https://hub.example/d/1" }));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
