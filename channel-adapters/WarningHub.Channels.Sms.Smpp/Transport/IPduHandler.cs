using WarningHub.Channels.Sms.Smpp.Protocol;

namespace WarningHub.Channels.Sms.Smpp.Transport;

/// <summary>What a connection calls as PDUs arrive. Runs on the reader loop: handle quickly, never block.</summary>
internal interface IPduHandler
{
    /// <summary>
    /// One complete PDU. <paramref name="body"/> points into the receive buffer and is valid only during the call.
    /// A malformed body should be answered (generic_nack or an error response), not thrown.
    /// </summary>
    void OnPdu(in PduHeader header, ReadOnlySpan<byte> body);

    /// <summary>Both loops have ended; nothing more will be read or written.</summary>
    void OnClosed(Exception? error);
}
