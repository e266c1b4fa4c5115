namespace WarningHub.Channels.WeChat.Results;

/// <summary>What an errcode means for the sender.</summary>
internal enum ErrorClass
{
    /// <summary>errcode 0.</summary>
    Accepted,

    /// <summary>
    /// WeChat already took a send with this client_msg_id in the last 10 minutes (an earlier attempt of the same slot
    /// whose answer was lost) and dropped this one: the message is with WeChat once, so the send counts as accepted.
    /// </summary>
    AlreadySent,

    /// <summary>The access_token was refused: refresh it once and retry the send once.</summary>
    TokenRejected,

    /// <summary>The account's daily quota is spent: nothing more goes until it resets at midnight, Beijing time.</summary>
    QuotaExhausted,

    /// <summary>Too many requests for now: wait and retry.</summary>
    Throttled,

    /// <summary>May succeed later: the engine may retry.</summary>
    Temporary,

    /// <summary>Will not succeed however often it is retried.</summary>
    Permanent,
}

/// <summary>One row of an error table.</summary>
internal readonly record struct ErrorEntry(ErrorClass Class, string Name);
