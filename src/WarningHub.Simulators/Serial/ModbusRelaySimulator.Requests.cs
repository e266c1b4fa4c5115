namespace WarningHub.Simulators.Serial;

/// <summary>What the simulated relay slave does with each complete request.</summary>
public sealed partial class ModbusRelaySimulator
{
    private readonly Lock _lock = new();
    private readonly bool[] _coils;
    private readonly List<CoilWrite> _writes = [];
    private int _requests;
    private int _crcErrors;

    /// <summary>Every coil write, in order.</summary>
    public IReadOnlyList<CoilWrite> Writes
    {
        get
        {
            lock (_lock)
            {
                return [.. _writes];
            }
        }
    }

    /// <summary>Requests for this slave with a good CRC.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests dropped for a bad CRC.</summary>
    public int CrcErrors => Volatile.Read(ref _crcErrors);

    /// <summary>The state of coil <paramref name="coil"/>.</summary>
    public bool Coil(int coil)
    {
        lock (_lock)
        {
            return _coils[coil];
        }
    }

    private async Task HandleAsync(byte[] request)
    {
        if (request.Length < 4)
        {
            return;
        }

        if (Crc(request.AsSpan(0, request.Length - 2)) != (ushort)(request[^2] | (request[^1] << 8)))
        {
            Interlocked.Increment(ref _crcErrors);
            return;
        }

        if (request[0] != Options.SlaveAddress)
        {
            return;
        }

        Interlocked.Increment(ref _requests);
        var function = request[1];
        if (ForcedException is { } forced)
        {
            await AnswerAsync(Exception(function, forced));
            return;
        }

        var response = function switch
        {
            0x01 when request.Length == 8 => ReadCoils(request),
            0x05 when request.Length == 8 => WriteCoil(request),
            0x0F when request.Length >= 10 => WriteCoils(request),
            _ => Exception(function, 0x01),
        };
        await AnswerAsync(response);
    }

    private byte[] ReadCoils(byte[] request)
    {
        var (first, count) = (Word(request, 2), Word(request, 4));
        if (count is < 1 or > 2000)
        {
            return Exception(0x01, 0x03);
        }

        if (first + count > _coils.Length)
        {
            return Exception(0x01, 0x02);
        }

        var bytes = (count + 7) / 8;
        var response = new byte[5 + bytes];
        (response[0], response[1], response[2]) = (Options.SlaveAddress, 0x01, (byte)bytes);
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                response[3 + (i / 8)] |= (byte)(_coils[first + i] ? 1 << (i % 8) : 0);
            }
        }

        return response;
    }

    private byte[] WriteCoil(byte[] request)
    {
        var (coil, value) = (Word(request, 2), Word(request, 4));
        if (value is not (0xFF00 or 0x0000))
        {
            return Exception(0x05, 0x03);
        }

        if (coil >= _coils.Length)
        {
            return Exception(0x05, 0x02);
        }

        Set(coil, value == 0xFF00);
        return [.. request];
    }

    private byte[] WriteCoils(byte[] request)
    {
        var (first, count, bytes) = (Word(request, 2), Word(request, 4), request[6]);
        if (count is < 1 or > 1968 || bytes != (count + 7) / 8 || request.Length != 9 + bytes)
        {
            return Exception(0x0F, 0x03);
        }

        if (first + count > _coils.Length)
        {
            return Exception(0x0F, 0x02);
        }

        for (var i = 0; i < count; i++)
        {
            Set(first + i, (request[7 + (i / 8)] & (1 << (i % 8))) != 0);
        }

        return [.. request.AsSpan(0, 6), 0, 0];
    }

    private void Set(int coil, bool on)
    {
        lock (_lock)
        {
            _coils[coil] = on;
            _writes.Add(new CoilWrite(coil, on));
            _log?.Add($"relay {Options.SlaveAddress}/{coil} {(on ? "on" : "off")}");
        }
    }

    private byte[] Exception(byte function, byte code) => [Options.SlaveAddress, (byte)(function | 0x80), code, 0, 0];

    private static int Word(byte[] frame, int at) => (frame[at] << 8) | frame[at + 1];
}
