namespace WarningHub.Channels.WeChat.Http;

/// <summary>What became of one HTTP request, as far as the sender can know.</summary>
internal enum ApiAnswerKind
{
    /// <summary>The server answered (any HTTP status); <see cref="ApiAnswer.Body"/> holds what it said.</summary>
    Answered,

    /// <summary>The request never left: no connection, no name, no TLS. Nothing can have been acted on.</summary>
    NotSent,

    /// <summary>The request may have left but no answer came (timeout, connection lost): the outcome is unknown.</summary>
    Lost,
}

/// <summary>One HTTP exchange with a WeChat or WeCom endpoint.</summary>
/// <param name="Kind">Whether an answer came.</param>
/// <param name="HttpStatus">The HTTP status of an answer; 0 otherwise.</param>
/// <param name="Body">The body of an answer.</param>
/// <param name="Failure">Why no answer came: an exception type and its category, never a URL (URLs carry secrets).</param>
internal readonly record struct ApiAnswer(ApiAnswerKind Kind, int HttpStatus, ReadOnlyMemory<byte> Body, string? Failure)
{
    public bool IsHttpSuccess => HttpStatus is >= 200 and < 300;
}
