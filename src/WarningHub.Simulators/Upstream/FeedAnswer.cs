namespace WarningHub.Simulators.Upstream;

/// <summary>An answer the upstream feed server gives instead of the real thing: a status, a body, a delay.</summary>
public sealed record FeedAnswer(int Status, string Body, string ContentType, TimeSpan Delay)
{
    /// <summary>200 with this XML body (bad XML, a DOCTYPE, a huge document...).</summary>
    public static FeedAnswer Xml(string body) => new(200, body, "application/xml; charset=utf-8", TimeSpan.Zero);

    /// <summary>An error status with an empty body.</summary>
    public static FeedAnswer Error(int status) => new(status, "", "text/plain", TimeSpan.Zero);

    /// <summary>No answer for <paramref name="delay"/> (or until the client gives up).</summary>
    public static FeedAnswer Hang(TimeSpan delay) => new(504, "", "text/plain", delay);
}
