using WarningHub.Channels.Sms.Cmpp.Protocol;

namespace WarningHub.Channels.Sms.Cmpp.Transport;

/// <summary>What a connection calls as PDUs arrive. Runs on the reader loop: handle quickly, never block.</summary>
internal interface ICmppHandler
{
    /// <summary>One complete PDU; <paramref name="body"/> is valid only during the call.</summary>
    void OnPdu(in CmppHeader header, ReadOnlySpan<byte> body);

    /// <summary>Both loops have ended; nothing more will be read or written.</summary>
    void OnClosed(Exception? error);
}
