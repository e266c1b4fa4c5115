namespace WarningHub.Simulators.Smgp;

/// <summary>One Submit as the simulated SMGW received it (resends included), for tests.</summary>
/// <param name="MsgId">The MsgID it was answered with (20 digits); empty when not accepted.</param>
/// <param name="Destination">The first DestTermID.</param>
/// <param name="SrcTermId">SrcTermID.</param>
/// <param name="ServiceId">ServiceID.</param>
/// <param name="NeedReport">NeedReport.</param>
/// <param name="MsgFormat">MsgFormat.</param>
/// <param name="TpUdhi">The TP_udhi TLV (0 when absent).</param>
/// <param name="PkTotal">The PkTotal TLV (0 when absent).</param>
/// <param name="PkNumber">The PkNumber TLV (0 when absent).</param>
/// <param name="Content">MsgContent, UDH included.</param>
public sealed record SimulatedSmgpSubmit(
    string MsgId, string Destination, string SrcTermId, string ServiceId, int NeedReport, int MsgFormat, int TpUdhi, int PkTotal, int PkNumber, byte[] Content)
{
    /// <summary>When the simulator received it, on its clock: the rate the gateway was sent at, measured at the far end.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}
