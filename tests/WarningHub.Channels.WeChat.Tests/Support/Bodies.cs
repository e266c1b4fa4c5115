using System.Text.RegularExpressions;

namespace WarningHub.Channels.WeChat.Tests.Support;

/// <summary>Template bodies compared apart from their client_msg_id, whose digest part the tests do not spell out.</summary>
internal static partial class Bodies
{
    /// <summary>The body with its client_msg_id taken out; fails the test when it has none of the expected form.</summary>
    public static string WithoutClientMsgId(string json, long reference)
    {
        var match = ClientMsgIdPattern().Match(json);
        Assert.True(match.Success, $"no client_msg_id in {json}");
        Assert.Equal($"wh{reference}", match.Groups["slot"].Value);
        return json.Remove(match.Index, match.Length);
    }

    [GeneratedRegex("\"client_msg_id\":\"(?<slot>wh[0-9]+)-[0-9a-f]{16}\",")]
    private static partial Regex ClientMsgIdPattern();
}
