using System.IO.Ports;

namespace WarningHub.Channels.Loudspeaker.Serial.Transport;

/// <summary>
/// A configured port: its settings, the gate that serialises everything said on it (bulletins, status queries,
/// Modbus requests), and the open line, opened on first use and reopened after it broke.
/// </summary>
internal sealed class SerialPortSlot(string name, SerialPortSettings settings, TimeProvider time) : IDisposable
{
    private SerialLine? _line;

    public string Name { get; } = name;

    public SerialPortSettings Settings { get; } = settings;

    /// <summary>Held for the whole of a bulletin or a request; never held while waiting for another slot's gate.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>The open line; call only while holding <see cref="Gate"/>.</summary>
    /// <exception cref="SerialLineException">The port cannot be opened.</exception>
    public SerialLine Line()
    {
        if (_line is { IsBroken: false } line)
        {
            return line;
        }

        _line?.Dispose();
        _line = null;
        var port = new SerialPort(Settings.Path, Settings.BaudRate, Settings.Parity, Settings.DataBits, Settings.StopBits)
        {
            Handshake = Handshake.None,
        };
        try
        {
            port.Open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
        {
            port.Dispose();
            // The device path stays out of the message: it ends up in delivery results; the inner exception keeps it for logs.
            throw new SerialLineException($"Serial port '{Name}' cannot be opened ({e.GetType().Name}).", e);
        }

        _line = new SerialLine(port, time);
        return _line;
    }

    /// <summary>Closes the line, if open; the next <see cref="Line"/> reopens it.</summary>
    public void Close()
    {
        _line?.Dispose();
        _line = null;
    }

    public void Dispose()
    {
        Close();
        Gate.Dispose();
    }
}
