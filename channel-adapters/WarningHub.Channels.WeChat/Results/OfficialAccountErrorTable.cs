namespace WarningHub.Channels.WeChat.Results;

/// <summary>
/// How errcodes of the official-account APIs (cgi-bin/stable_token, message/template/send) are classified. The table with
/// reasons and sources is in this project's README.md; keep both in step. Rule of thumb: an error about the recipient,
/// the template or the data is permanent (the same request fails the same way); an error about the token is fixed by
/// one refresh; an error about load or quota passes; anything not listed is temporary, because for a public warning a
/// bounded retry is cheaper than a message given up too early.
/// </summary>
internal static class OfficialAccountErrorTable
{
    private static readonly Dictionary<int, ErrorEntry> Known = new()
    {
        [0] = new(ErrorClass.Accepted, "ok"),

        [45065] = new(ErrorClass.AlreadySent, "clientmsgid exist"),

        [40001] = new(ErrorClass.TokenRejected, "invalid credential"),
        [40014] = new(ErrorClass.TokenRejected, "invalid access_token"),
        [42001] = new(ErrorClass.TokenRejected, "access_token expired"),

        [45009] = new(ErrorClass.QuotaExhausted, "reach max api daily quota limit"),
        [45011] = new(ErrorClass.Throttled, "api minute-quota reach limit"),

        [-1] = new(ErrorClass.Temporary, "system busy"),
        [45047] = new(ErrorClass.Temporary, "out of response count limit"),

        [40003] = new(ErrorClass.Permanent, "invalid openid"),
        [43004] = new(ErrorClass.Permanent, "require subscribe"),
        [40036] = new(ErrorClass.Permanent, "invalid template_id size"),
        [40037] = new(ErrorClass.Permanent, "invalid template_id"),
        [40008] = new(ErrorClass.Permanent, "invalid message type"),
        [47001] = new(ErrorClass.Permanent, "data format error"),
        [47003] = new(ErrorClass.Permanent, "argument invalid"),
        [48001] = new(ErrorClass.Permanent, "api unauthorized"),
    };

    public static ErrorEntry Classify(int errcode) =>
        Known.TryGetValue(errcode, out var entry) ? entry : new ErrorEntry(ErrorClass.Temporary, "unlisted errcode");

    /// <summary>The rows, for the README's consistency test.</summary>
    public static IReadOnlyDictionary<int, ErrorEntry> Rows => Known;
}
