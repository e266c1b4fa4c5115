using System.IO.Ports;

namespace WarningHub.Simulators.Serial;

/// <summary>
/// A Modbus RTU relay board on one end of a serial line: coils read with function 01 and written with 05 and 0F,
/// answers that echo writes, exceptions for unknown functions (01), coils that do not exist (02) and bad values (03).
/// Requests with a bad CRC or for another slave get no answer, as on a real bus. Its CRC is computed bit by bit,
/// independently of the adapter's table. Request handling is in ModbusRelaySimulator.Requests.cs.
/// </summary>
public sealed partial class ModbusRelaySimulator : IAsyncDisposable
{
    private readonly SerialPort _port;
    private readonly SerialEventLog? _log;
    private readonly List<byte> _pending = [];
    private readonly CancellationTokenSource _stop = new();
    private Task _loop = Task.CompletedTask;

    /// <summary>Creates a simulator for the serial device at <paramref name="path"/>; call <see cref="Start"/>.</summary>
    public ModbusRelaySimulator(string path, ModbusRelaySimulatorOptions? options = null, SerialEventLog? log = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Options = options ?? new ModbusRelaySimulatorOptions();
        _log = log;
        _coils = new bool[Options.CoilCount];
        _port = new SerialPort(path, Options.BaudRate);
    }

    /// <summary>The options it was created with.</summary>
    public ModbusRelaySimulatorOptions Options { get; }

    /// <summary>While true the slave answers nothing.</summary>
    public bool Silent { get; set; }

    /// <summary>When set, every request for this slave is answered with this exception code (for example 0x04).</summary>
    public byte? ForcedException { get; set; }

    /// <summary>Opens the port and starts answering.</summary>
    public void Start()
    {
        _port.Open();
        _loop = Task.Run(() => ReadLoopAsync(_stop.Token));
    }

    /// <summary>Stops answering and closes the port.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _port.Dispose();
        _stop.Dispose();
    }

    /// <summary>CRC-16/MODBUS computed bit by bit (poly 0xA001 reflected, init 0xFFFF).</summary>
    public static ushort Crc(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                var carry = (crc & 1) != 0;
                crc >>= 1;
                if (carry)
                {
                    crc ^= 0xA001;
                }
            }
        }

        return crc;
    }

    private async Task ReadLoopAsync(CancellationToken stop)
    {
        var buffer = new byte[512];
        while (!stop.IsCancellationRequested)
        {
            int read;
            using (var gap = CancellationTokenSource.CreateLinkedTokenSource(stop))
            {
                if (_pending.Count > 0)
                {
                    gap.CancelAfter(Options.FrameGap);
                }

                try
                {
                    read = await _port.BaseStream.ReadAsync(buffer, gap.Token);
                }
                catch (OperationCanceledException) when (!stop.IsCancellationRequested)
                {
                    // Silence ends a request whose length the function did not tell.
                    var request = _pending.ToArray();
                    _pending.Clear();
                    await HandleAsync(request);
                    continue;
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }
            }

            if (read == 0)
            {
                return;
            }

            _pending.AddRange(buffer.AsSpan(0, read));
            while (ExpectedLength() is var length and > 0 && _pending.Count >= length)
            {
                var request = _pending.GetRange(0, length).ToArray();
                _pending.RemoveRange(0, length);
                await HandleAsync(request);
            }
        }
    }

    /// <summary>The length of the request at the head of the buffer, or 0 while it cannot be told yet.</summary>
    private int ExpectedLength() => _pending.Count < 2 ? 0 : _pending[1] switch
    {
        0x01 or 0x05 => 8,
        0x0F => _pending.Count >= 7 ? 9 + _pending[6] : 0,
        _ => 0,
    };

    private async Task AnswerAsync(byte[] response)
    {
        if (Silent)
        {
            return;
        }

        var crc = Crc(response.AsSpan(0, response.Length - 2));
        response[^2] = (byte)crc;
        response[^1] = (byte)(crc >> 8);
        try
        {
            await _port.BaseStream.WriteAsync(response);
            await _port.BaseStream.FlushAsync();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The line is gone.
        }
    }
}
