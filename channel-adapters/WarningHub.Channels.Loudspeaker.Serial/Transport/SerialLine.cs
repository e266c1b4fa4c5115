using System.IO.Ports;

namespace WarningHub.Channels.Loudspeaker.Serial.Transport;

/// <summary>
/// One open serial port, read byte by byte with timeouts from the injected clock. Any I/O error marks the line
/// broken; its owner (<see cref="SerialPortSlot"/>) then reopens the port for the next bulletin or status query.
/// </summary>
internal sealed class SerialLine : IDisposable
{
    private readonly SerialPort _port;
    private readonly Stream _stream;
    private readonly TimeProvider _time;
    private readonly byte[] _buffer = new byte[256];
    private int _next;
    private int _end;

    public SerialLine(SerialPort port, TimeProvider time)
    {
        _port = port;
        _stream = port.BaseStream;
        _time = time;
    }

    public bool IsBroken { get; private set; }

    public int BaudRate => _port.BaudRate;

    /// <summary>The time <paramref name="bytes"/> take on the wire at this line's speed (10 bits per byte).</summary>
    public TimeSpan TransmitTime(int bytes) => TimeSpan.FromSeconds(bytes * 10.0 / Math.Max(1, _port.BaudRate));

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        try
        {
            await _stream.WriteAsync(data, cancellationToken);
            await _stream.FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException or UnauthorizedAccessException)
        {
            throw Broken(e);
        }
    }

    /// <summary>The next byte, or -1 when none arrived within <paramref name="timeout"/>.</summary>
    public async ValueTask<int> ReadByteAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_next < _end)
        {
            return _buffer[_next++];
        }

        using var timer = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timer.Token);
        int read;
        try
        {
            read = await _stream.ReadAsync(_buffer, linked.Token);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return -1;
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException or TimeoutException)
        {
            throw Broken(e);
        }

        if (read == 0)
        {
            throw Broken(new EndOfStreamException("The serial port was closed."));
        }

        _next = 1;
        _end = read;
        return _buffer[0];
    }

    /// <summary>Reads exactly <paramref name="target"/>.Length bytes, allowing <paramref name="timeout"/> for each.</summary>
    /// <returns>False when the line fell silent first.</returns>
    public async ValueTask<bool> ReadExactlyAsync(Memory<byte> target, TimeSpan timeout, CancellationToken cancellationToken)
    {
        for (var i = 0; i < target.Length; i++)
        {
            var b = await ReadByteAsync(timeout, cancellationToken);
            if (b < 0)
            {
                return false;
            }

            target.Span[i] = (byte)b;
        }

        return true;
    }

    /// <summary>Drops what was received and not read yet, without waiting.</summary>
    public void Discard()
    {
        _next = _end = 0;
        try
        {
            _port.DiscardInBuffer();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            throw Broken(e);
        }
    }

    /// <summary>
    /// Drops whatever the device sent unasked (late answers, an idle announcement) until the line has been quiet for
    /// <paramref name="quiet"/>, so that the next answer read belongs to the next frame written. Bounded to 64 rounds.
    /// </summary>
    public async ValueTask DrainAsync(TimeSpan quiet, CancellationToken cancellationToken)
    {
        Discard();
        for (var round = 0; round < 64 && await ReadByteAsync(quiet, cancellationToken) >= 0; round++)
        {
            _next = _end;
        }
    }

    public void Dispose()
    {
        IsBroken = true;
        try
        {
            _port.Dispose();
        }
        catch (IOException)
        {
            // A port whose device vanished may fail to close; there is nothing left to release.
        }
    }

    private SerialLineException Broken(Exception cause)
    {
        IsBroken = true;
        return new SerialLineException(cause.Message, cause);
    }
}
