namespace WarningHub.Channels.Loudspeaker.Serial.Modbus;

/// <summary>How one Modbus request ended.</summary>
internal enum ModbusOutcomeKind
{
    /// <summary>A valid response (for writes: the exact echo of the request).</summary>
    Ok,

    /// <summary>No response within the timeout, on every try.</summary>
    NoAnswer,

    /// <summary>Responses came but had a bad CRC, the wrong slave or function, or an echo that differs.</summary>
    BadResponse,

    /// <summary>The slave answered with an exception (function | 0x80).</summary>
    Exception,
}

/// <summary>The result of one Modbus request.</summary>
/// <param name="Kind">How it ended.</param>
/// <param name="ExceptionCode">For <see cref="ModbusOutcomeKind.Exception"/>, the slave's exception code.</param>
/// <param name="Response">For <see cref="ModbusOutcomeKind.Ok"/>, the whole response frame.</param>
internal readonly record struct ModbusOutcome(ModbusOutcomeKind Kind, byte ExceptionCode, byte[] Response)
{
    public bool IsOk => Kind == ModbusOutcomeKind.Ok;

    public string Describe() => Kind switch
    {
        ModbusOutcomeKind.Ok => "ok",
        ModbusOutcomeKind.NoAnswer => "no answer",
        ModbusOutcomeKind.BadResponse => "bad response (CRC, slave, function or echo)",
        _ => $"exception 0x{ExceptionCode:X2} ({ModbusFunction.DescribeException(ExceptionCode)})",
    };
}
