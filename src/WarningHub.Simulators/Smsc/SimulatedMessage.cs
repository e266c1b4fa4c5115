namespace WarningHub.Simulators.Smsc;

/// <summary>How the parts of a message were tied together on the wire.</summary>
public enum Concatenation
{
    /// <summary>A single part.</summary>
    None,

    /// <summary>A user data header with a concatenation element.</summary>
    UserDataHeader,

    /// <summary>sar_msg_ref_num / sar_total_segments / sar_segment_seqnum TLVs.</summary>
    SarTlvs,
}

/// <summary>A message the simulator received and reassembled.</summary>
/// <param name="Destination">destination_addr.</param>
/// <param name="Text">The decoded text of all parts in order.</param>
/// <param name="DataCoding">data_coding of the parts (0x00 GSM-7, 0x08 UCS-2).</param>
/// <param name="Concatenation">How parts were tied together.</param>
/// <param name="MessageIds">The ids given to the parts, in part order.</param>
public sealed record SimulatedMessage(string Destination, string Text, byte DataCoding, Concatenation Concatenation, IReadOnlyList<string> MessageIds);
