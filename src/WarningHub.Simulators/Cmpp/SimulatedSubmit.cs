namespace WarningHub.Simulators.Cmpp;

/// <summary>One SUBMIT as the simulated ISMG received it (resends included), for tests.</summary>
/// <param name="MsgId">The Msg_Id it was answered with, as the adapter renders it; empty when not accepted.</param>
/// <param name="Destination">Dest_terminal_Id.</param>
/// <param name="PkTotal">Pk_total.</param>
/// <param name="PkNumber">Pk_number.</param>
/// <param name="TpUdhi">TP_udhi.</param>
/// <param name="MsgFmt">Msg_Fmt.</param>
/// <param name="RegisteredDelivery">Registered_Delivery.</param>
/// <param name="MsgSrc">Msg_src.</param>
/// <param name="ServiceId">Service_Id.</param>
/// <param name="SrcId">Src_Id.</param>
/// <param name="Content">Msg_Content, UDH included.</param>
/// <param name="Sequence">Sequence_Id of the header.</param>
public sealed record SimulatedSubmit(
    string MsgId, string Destination, int PkTotal, int PkNumber, int TpUdhi, int MsgFmt, int RegisteredDelivery,
    string MsgSrc, string ServiceId, string SrcId, byte[] Content, uint Sequence)
{
    /// <summary>When the simulator received it, on its clock: the rate the gateway was sent at, measured at the far end.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}
