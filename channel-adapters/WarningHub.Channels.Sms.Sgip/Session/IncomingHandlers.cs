using WarningHub.Channels.Sms.Sgip.Protocol;

namespace WarningHub.Channels.Sms.Sgip.Session;

/// <summary>Where a session hands what the SMG sends: handsets' messages and status reports.</summary>
/// <param name="OnDeliver">A Deliver (MO), already answered.</param>
/// <param name="OnReport">A Report, already answered.</param>
internal sealed record IncomingHandlers(Action<DeliverPdu> OnDeliver, Action<ReportPdu> OnReport);
