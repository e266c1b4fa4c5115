namespace WarningHub.Abstractions;

/// <summary>How a single send attempt ended, as the adapter saw it.</summary>
public enum SendOutcome
{
    /// <summary>The gateway accepted the message.</summary>
    Accepted,

    /// <summary>Failed now, may succeed later (throttled, gateway down, timeout before the request left).</summary>
    TemporaryFailure,

    /// <summary>Will never succeed (bad number, unsubscribed, message refused).</summary>
    PermanentFailure,

    /// <summary>The request left but no answer came (connection lost): a resend may duplicate.</summary>
    Unknown,

    /// <summary>
    /// Nothing left: the gateway cannot take messages now (no live connection, a bind refused, a circuit open). Not a
    /// failed attempt: the engine keeps the slot waiting, without spending an attempt, until the gateway is back or
    /// the warning ends.
    /// </summary>
    GatewayUnavailable,
}

/// <summary>
/// The value an adapter returns for one send. Adapters never retry on their own beyond protocol
/// flow control; the engine decides from this value.
/// </summary>
public readonly record struct DeliveryResult
{
    /// <summary>How the attempt ended.</summary>
    public SendOutcome Outcome { get; init; }

    /// <summary>The gateway's identifiers, one per message part, used to match receipts.</summary>
    /// <value>Empty unless <see cref="Outcome"/> is <see cref="SendOutcome.Accepted"/>.</value>
    public IReadOnlyList<string> ProviderMessageIds { get; init; }

    /// <summary>The gateway's own error code (for example an SMPP command_status in hex).</summary>
    public string? ErrorCode { get; init; }

    /// <summary>A human-readable reason, free of personal data.</summary>
    public string? Reason { get; init; }

    /// <summary>A hint from the gateway for when to try again.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The message was accepted under these identifiers.</summary>
    public static DeliveryResult Accepted(IReadOnlyList<string> providerMessageIds) =>
        new() { Outcome = SendOutcome.Accepted, ProviderMessageIds = providerMessageIds };

    /// <summary>A failure that may pass.</summary>
    public static DeliveryResult Temporary(string? errorCode, string reason, TimeSpan? retryAfter = null) =>
        new() { Outcome = SendOutcome.TemporaryFailure, ErrorCode = errorCode, Reason = reason, RetryAfter = retryAfter, ProviderMessageIds = [] };

    /// <summary>A failure that will not pass.</summary>
    public static DeliveryResult Permanent(string? errorCode, string reason) =>
        new() { Outcome = SendOutcome.PermanentFailure, ErrorCode = errorCode, Reason = reason, ProviderMessageIds = [] };

    /// <summary>Nothing was written: the gateway cannot take messages now. The slot waits for it without spending an attempt.</summary>
    public static DeliveryResult Unavailable(string reason) =>
        new() { Outcome = SendOutcome.GatewayUnavailable, Reason = reason, ProviderMessageIds = [] };

    /// <summary>The request was written and may have been acted on; nobody knows. Only after the request may have left.</summary>
    public static DeliveryResult Unknown(string reason) =>
        new() { Outcome = SendOutcome.Unknown, Reason = reason, ProviderMessageIds = [] };
}
