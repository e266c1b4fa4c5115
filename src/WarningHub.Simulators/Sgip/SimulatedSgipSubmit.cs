namespace WarningHub.Simulators.Sgip;

/// <summary>One Submit as the simulated SMG received it (resends included), for tests.</summary>
/// <param name="Id">Its Sequence Number as the adapter renders it (node-time-counter).</param>
/// <param name="Result">The Result it was answered with; -1 when it was not answered.</param>
/// <param name="UserNumber">The first UserNumber.</param>
/// <param name="SpNumber">SPNumber.</param>
/// <param name="CorpId">CorpId.</param>
/// <param name="ServiceType">ServiceType.</param>
/// <param name="ReportFlag">ReportFlag.</param>
/// <param name="TpUdhi">TP_udhi.</param>
/// <param name="MessageCoding">MessageCoding.</param>
/// <param name="Content">MessageContent, UDH included.</param>
public sealed record SimulatedSgipSubmit(
    string Id, int Result, string UserNumber, string SpNumber, string CorpId, string ServiceType, int ReportFlag, int TpUdhi, int MessageCoding, byte[] Content)
{
    /// <summary>When the simulator received it, on its clock: the rate the gateway was sent at, measured at the far end.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}
