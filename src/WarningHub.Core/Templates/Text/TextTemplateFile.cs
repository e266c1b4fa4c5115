namespace WarningHub.Core.Templates.Text;

/// <summary>The JSON shape of <c>config/templates/text.zh-CN.json</c> (see the README in that folder).</summary>
internal sealed class TextTemplateFile
{
    public Dictionary<string, string> Status { get; set; } = [];

    public Dictionary<string, TextChannelFile> Channels { get; set; } = [];
}

/// <summary>One channel's texts, keyed by CAP message type or <c>*</c>.</summary>
internal sealed class TextChannelFile
{
    public int MaxLength { get; set; }

    public Dictionary<string, string> Texts { get; set; } = [];
}
