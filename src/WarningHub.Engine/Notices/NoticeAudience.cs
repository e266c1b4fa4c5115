namespace WarningHub.Engine.Notices;

/// <summary>Who an officer notice is for, as <see cref="NoticeOptions.FlashFor"/> names it.</summary>
public static class NoticeAudience
{
    /// <summary>叫应: a call to answer, its reminder, and the list of silent officers sent up a tier.</summary>
    public const string Acknowledgement = "acknowledgement";

    /// <summary>Any other officer notice (door-to-door links, approvals).</summary>
    public const string Officer = "officer";

    /// <summary>Every audience a setting may name.</summary>
    public static IReadOnlyList<string> All { get; } = [Acknowledgement, Officer];

    /// <summary>The audience of a notice, from the key it was queued under (叫应 keys start with <c>ack:</c>).</summary>
    /// <param name="key">The notice's key.</param>
    public static string Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.StartsWith("ack:", StringComparison.Ordinal) ? Acknowledgement : Officer;
    }
}
