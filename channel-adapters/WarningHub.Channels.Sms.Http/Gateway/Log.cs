using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;

namespace WarningHub.Channels.Sms.Http.Gateway;

/// <summary>The adapter's log messages, source-generated, with event ids 7400-7419.</summary>
internal static partial class Log
{
    [LoggerMessage(7400, LogLevel.Error, "HTTP SMS gateway {Gateway}: sending failed unexpectedly")]
    public static partial void SendCrashed(ILogger logger, Exception exception, string gateway);

    [LoggerMessage(7401, LogLevel.Warning, "HTTP SMS gateway {Gateway}: a request for {Count} number(s) may have reached the gateway without an answer: {Problem}")]
    public static partial void Lost(ILogger logger, string gateway, int count, string? problem);

    [LoggerMessage(7402, LogLevel.Warning, "HTTP SMS gateway {Gateway}: message {Reference} to {Phone}: {Outcome} {Code} {Reason}")]
    public static partial void Refused(ILogger logger, string gateway, long reference, string phone, SendOutcome outcome, string? code, string? reason);

    [LoggerMessage(7403, LogLevel.Warning, "HTTP SMS gateway {Gateway} is down: {Problem}")]
    public static partial void Down(ILogger logger, string gateway, string problem);

    [LoggerMessage(7404, LogLevel.Information, "HTTP SMS gateway {Gateway} is up")]
    public static partial void Up(ILogger logger, string gateway);

    [LoggerMessage(7405, LogLevel.Warning, "HTTP SMS gateway {Gateway}: pulling receipts failed: {Problem}")]
    public static partial void PollFailed(ILogger logger, string gateway, string problem);

    [LoggerMessage(7406, LogLevel.Warning, "HTTP SMS gateway {Gateway}: receipt callback refused: {Problem}")]
    public static partial void CallbackRefused(ILogger logger, string gateway, string problem);
}
