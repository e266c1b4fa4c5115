namespace WarningHub.Channels.Sms.Cmpp;

/// <summary>
/// A message a handset sent to the access number (an MO DELIVER): for the hub's reply handling, such as an
/// officer answering a 叫应 call by SMS.
/// </summary>
/// <param name="From">The handset's number (Src_terminal_Id). Personal data: mask it in logs.</param>
/// <param name="To">The number it was sent to (Dest_Id): the access number, possibly with an extension.</param>
/// <param name="Text">The text, decoded per Msg_Fmt (ASCII, UCS2 or GBK).</param>
/// <param name="At">When the hub received it (UTC).</param>
public sealed record MobileOriginatedMessage(string From, string To, string Text, DateTimeOffset At);
