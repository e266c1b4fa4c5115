namespace WarningHub.Channels.Loudspeaker.Serial.Transport;

/// <summary>A serial port could not be opened, or failed while in use (device unplugged, pty closed).</summary>
internal sealed class SerialLineException : IOException
{
    public SerialLineException()
    {
    }

    public SerialLineException(string message)
        : base(message)
    {
    }

    public SerialLineException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
