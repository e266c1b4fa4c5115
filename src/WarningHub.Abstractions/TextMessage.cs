namespace WarningHub.Abstractions;

/// <summary>One text for one recipient address.</summary>
/// <param name="Reference">Our identifier of the ledger slot; adapters may echo it but must not parse it.</param>
/// <param name="Address">Where to send: a mobile number (digits, national form), an openid, a caption channel.</param>
/// <param name="Text">The whole text, signature included; adapters split it into parts as their protocol needs.</param>
/// <param name="RequestReceipt">Ask the gateway for a delivery receipt.</param>
public sealed record TextMessage(long Reference, string Address, string Text, bool RequestReceipt = true);
