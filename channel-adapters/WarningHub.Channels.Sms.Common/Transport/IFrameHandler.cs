namespace WarningHub.Channels.Sms.Common.Transport;

/// <summary>What a <see cref="FrameConnection"/> calls as PDUs arrive. Runs on the reader loop: handle quickly, never block.</summary>
internal interface IFrameHandler
{
    /// <summary>One complete PDU, header included; valid only during the call. A <see cref="PduFormatException"/> closes the link.</summary>
    void OnFrame(ReadOnlySpan<byte> frame);

    /// <summary>Both loops have ended; nothing more will be read or written.</summary>
    void OnClosed(Exception? error);
}
