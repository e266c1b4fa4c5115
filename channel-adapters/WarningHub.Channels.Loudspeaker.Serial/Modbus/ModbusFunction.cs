namespace WarningHub.Channels.Loudspeaker.Serial.Modbus;

/// <summary>Modbus function codes used for relays, and the exception codes a slave may answer with.</summary>
internal static class ModbusFunction
{
    public const byte ReadCoils = 0x01;
    public const byte WriteSingleCoil = 0x05;
    public const byte WriteMultipleCoils = 0x0F;

    /// <summary>Set in the function byte of an exception response.</summary>
    public const byte ExceptionFlag = 0x80;

    public const byte IllegalFunction = 0x01;
    public const byte IllegalDataAddress = 0x02;
    public const byte IllegalDataValue = 0x03;
    public const byte SlaveDeviceFailure = 0x04;
    public const byte Acknowledge = 0x05;
    public const byte SlaveDeviceBusy = 0x06;

    public static string DescribeException(byte code) => code switch
    {
        IllegalFunction => "illegal function",
        IllegalDataAddress => "illegal data address",
        IllegalDataValue => "illegal data value",
        SlaveDeviceFailure => "slave device failure",
        Acknowledge => "acknowledge (still working)",
        SlaveDeviceBusy => "slave device busy",
        _ => "exception",
    };

    /// <summary>
    /// Exceptions that name something wrong in the request (a coil that does not exist, a function the slave lacks):
    /// the same request fails the same way until the configuration or registry is fixed.
    /// </summary>
    public static bool IsPermanent(byte code) => code is IllegalFunction or IllegalDataAddress or IllegalDataValue;
}
