namespace WarningHub.Audio;

/// <summary>The JSON shape of <c>config/templates/broadcast.&lt;language&gt;.json</c> (see its README).</summary>
internal sealed class BroadcastTemplateFile
{
    public string Language { get; set; } = string.Empty;

    public string AreaSeparator { get; set; } = ", ";

    public string SenderFallback { get; set; } = string.Empty;

    public Dictionary<string, string> Levels { get; set; } = [];

    public Dictionary<string, string> Status { get; set; } = [];

    public Dictionary<string, string> Bulletins { get; set; } = [];
}
