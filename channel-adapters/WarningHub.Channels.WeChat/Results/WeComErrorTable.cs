namespace WarningHub.Channels.WeChat.Results;

/// <summary>
/// How errcodes of the WeCom group-robot webhook (cgi-bin/webhook/send) are classified; the README holds the table with
/// reasons. Anything not listed is temporary.
/// </summary>
internal static class WeComErrorTable
{
    private static readonly Dictionary<int, ErrorEntry> Known = new()
    {
        [0] = new(ErrorClass.Accepted, "ok"),
        [45009] = new(ErrorClass.Throttled, "api freq out of limit"),
        [-1] = new(ErrorClass.Temporary, "system busy"),
        [93000] = new(ErrorClass.Permanent, "invalid webhook url"),
        [40008] = new(ErrorClass.Permanent, "invalid msgtype"),
        [40033] = new(ErrorClass.Permanent, "invalid request characters"),
        [40058] = new(ErrorClass.Permanent, "invalid parameter"),
        [44004] = new(ErrorClass.Permanent, "empty content"),
    };

    public static ErrorEntry Classify(int errcode) =>
        Known.TryGetValue(errcode, out var entry) ? entry : new ErrorEntry(ErrorClass.Temporary, "unlisted errcode");

    /// <summary>The rows, for the README's consistency test.</summary>
    public static IReadOnlyDictionary<int, ErrorEntry> Rows => Known;
}
