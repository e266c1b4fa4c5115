using WarningHub.Channels.Loudspeaker.Serial.Transport;

namespace WarningHub.Channels.Loudspeaker.Serial.Modbus;

/// <summary>
/// A Modbus RTU master for relay slaves on one open line. A request is resent after no answer or a corrupt response
/// (up to <see cref="SerialSpeakerOptions.Retries"/>); an exception response is final and is not resent.
/// </summary>
internal sealed class ModbusMaster(SerialLine line, SerialSpeakerOptions options)
{
    /// <summary>Function 05; the response must echo the request byte for byte.</summary>
    public ValueTask<ModbusOutcome> WriteCoilAsync(byte slave, ushort coil, bool on, CancellationToken cancellationToken) =>
        ExchangeAsync(ModbusRequest.WriteSingleCoil(slave, coil, on), echo: true, cancellationToken);

    /// <summary>Function 0F; the response repeats slave, function, first coil and quantity.</summary>
    public async ValueTask<ModbusOutcome> WriteCoilsAsync(byte slave, ushort firstCoil, IReadOnlyList<bool> values, CancellationToken cancellationToken)
    {
        var request = ModbusRequest.WriteMultipleCoils(slave, firstCoil, values);
        var outcome = await ExchangeAsync(request, echo: false, cancellationToken);
        return outcome.IsOk && !outcome.Response.AsSpan(0, 6).SequenceEqual(request.AsSpan(0, 6))
            ? outcome with { Kind = ModbusOutcomeKind.BadResponse }
            : outcome;
    }

    /// <summary>Function 01; on success the values are the coils' states, first coil first.</summary>
    public async ValueTask<(ModbusOutcome Outcome, bool[] Values)> ReadCoilsAsync(byte slave, ushort firstCoil, ushort count, CancellationToken cancellationToken)
    {
        var outcome = await ExchangeAsync(ModbusRequest.ReadCoils(slave, firstCoil, count), echo: false, cancellationToken);
        if (!outcome.IsOk)
        {
            return (outcome, []);
        }

        var response = outcome.Response;
        if (response[2] != (count + 7) / 8)
        {
            return (outcome with { Kind = ModbusOutcomeKind.BadResponse }, []);
        }

        var values = new bool[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = (response[3 + (i / 8)] & (1 << (i % 8))) != 0;
        }

        return (outcome, values);
    }

    private async ValueTask<ModbusOutcome> ExchangeAsync(byte[] request, bool echo, CancellationToken cancellationToken)
    {
        var last = new ModbusOutcome(ModbusOutcomeKind.NoAnswer, 0, []);
        var timeout = options.ResponseTimeout + line.TransmitTime(request.Length);
        for (var attempt = 0; attempt <= options.Retries; attempt++)
        {
            line.Discard();
            await line.WriteAsync(request, cancellationToken);
            last = await ReadResponseAsync(request, timeout, cancellationToken);
            if (last.Kind == ModbusOutcomeKind.Ok && echo && !last.Response.AsSpan().SequenceEqual(request))
            {
                last = last with { Kind = ModbusOutcomeKind.BadResponse };
            }

            if (last.Kind is ModbusOutcomeKind.Ok or ModbusOutcomeKind.Exception)
            {
                return last;
            }
        }

        return last;
    }

    private async ValueTask<ModbusOutcome> ReadResponseAsync(byte[] request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var head = new byte[3];
        if (!await line.ReadExactlyAsync(head, timeout, cancellationToken))
        {
            return new(ModbusOutcomeKind.NoAnswer, 0, []);
        }

        var length = ModbusRequest.ResponseLength(head);
        var sameFunction = (head[1] & ~ModbusFunction.ExceptionFlag) == request[1];
        if (head[0] != request[0] || !sameFunction || length < 0)
        {
            return new(ModbusOutcomeKind.BadResponse, 0, []);
        }

        var response = new byte[length];
        head.CopyTo(response, 0);
        if (!await line.ReadExactlyAsync(response.AsMemory(3), timeout, cancellationToken) || !ModbusCrc.IsValid(response))
        {
            return new(ModbusOutcomeKind.BadResponse, 0, []);
        }

        return (head[1] & ModbusFunction.ExceptionFlag) != 0
            ? new(ModbusOutcomeKind.Exception, head[2], response)
            : new(ModbusOutcomeKind.Ok, 0, response);
    }
}
