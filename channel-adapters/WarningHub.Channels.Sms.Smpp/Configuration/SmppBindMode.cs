namespace WarningHub.Channels.Sms.Smpp;

/// <summary>How each connection binds to the SMSC.</summary>
public enum SmppBindMode
{
    /// <summary>bind_transceiver: sends submit_sm and receives deliver_sm receipts on the same connection.</summary>
    Transceiver,

    /// <summary>bind_transmitter: sends only; no receipts arrive on this gateway.</summary>
    Transmitter,
}

/// <summary>
/// How receipt message ids relate to the ids in submit_sm_resp. Some SMSCs answer submit_sm with a hex id and quote
/// it in decimal in the receipt (or the other way round); the engine matches ids as strings, so both sides are
/// brought to one form.
/// </summary>
public enum ReceiptIdFormat
{
    /// <summary>Both sides use the same text; ids pass through untouched.</summary>
    AsIs,

    /// <summary>
    /// submit_sm_resp ids are decimal, receipts quote them in hex: receipt ids are converted to decimal, and
    /// submit ids are written without leading zeros.
    /// </summary>
    HexToDecimal,

    /// <summary>
    /// submit_sm_resp ids are hex, receipts quote them in decimal: receipt ids are converted to upper-case hex, and
    /// submit ids are written in upper case without leading zeros.
    /// </summary>
    DecimalToHex,
}
