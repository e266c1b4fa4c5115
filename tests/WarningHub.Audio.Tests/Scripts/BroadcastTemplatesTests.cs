namespace WarningHub.Audio.Tests.Scripts;

public sealed class BroadcastTemplatesTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("warninghub-templates-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void BuiltInTemplates_CoverChineseAndTheEnglishFallback()
    {
        var templates = BroadcastTemplates.Load();

        Assert.Contains("zh-CN", templates.Languages);
        Assert.Contains("en-US", templates.Languages);
        Assert.Equal("zh-CN", templates.For("zh-TW").Language);
        Assert.Equal("en-US", templates.For("ii-CN").Language);
    }

    [Fact]
    public void FolderFile_ReplacesTheBuiltInFileOfItsLanguage()
    {
        File.WriteAllText(Path.Combine(folder, "broadcast.zh-CN.json"), """
            {
              "language": "zh-CN", "areaSeparator": "、", "senderFallback": "县里",
              "levels": { "Red": "红", "Orange": "橙", "Yellow": "黄", "Blue": "蓝" },
              "status": { "Exercise": "演练。", "Test": "测试。", "System": "系统。", "Draft": "草稿。" },
              "bulletins": { "*": "乡亲们注意！{event}{level}色预警。{area}。" }
            }
            """);
        var writer = new BroadcastScriptWriter(BroadcastTemplates.Load(folder), new AudioOptions());

        var script = writer.Write(SampleWarnings.RedRainstorm, "zh-CN", Core.Cap.CapStatus.Actual);

        Assert.Equal("乡亲们注意！暴雨红色预警。井研县全境。", script.Text);
    }

    [Fact]
    public void BrokenFile_IsRefused_WithEveryProblemListed()
    {
        File.WriteAllText(Path.Combine(folder, "broadcast.zh-CN.json"), """
            {
              "language": "zh-CN",
              "levels": { "Red": "红色", "Orange": "橙色", "Yellow": "黄色", "Purple": "紫色" },
              "status": { "Exercise": "演练。" },
              "bulletins": { "*": "{sender}发布{colour}预警" }
            }
            """);

        var failure = Assert.Throws<InvalidDataException>(() => BroadcastTemplates.Load(folder));

        Assert.Contains("levels.Blue is required", failure.Message, StringComparison.Ordinal);
        Assert.Contains("levels.Purple is not a level", failure.Message, StringComparison.Ordinal);
        Assert.Contains("status.Test is required", failure.Message, StringComparison.Ordinal);
        Assert.Contains("status.Draft is required", failure.Message, StringComparison.Ordinal);
        Assert.Contains("unknown placeholder {colour}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspeltKey_IsRefused()
    {
        File.WriteAllText(Path.Combine(folder, "broadcast.en-US.json"), """{ "language": "en-US", "bulletin": {} }""");

        var failure = Assert.Throws<InvalidDataException>(() => BroadcastTemplates.Load(folder));

        Assert.Contains("bulletin", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileWhoseLanguageDisagreesWithItsName_IsRefused()
    {
        var english = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "templates", "broadcast.en-US.json"));
        File.WriteAllText(Path.Combine(folder, "broadcast.de-DE.json"), english);

        var failure = Assert.Throws<InvalidDataException>(() => BroadcastTemplates.Load(folder));

        Assert.Contains("its language is 'en-US', not 'de-DE'", failure.Message, StringComparison.Ordinal);
    }
}
