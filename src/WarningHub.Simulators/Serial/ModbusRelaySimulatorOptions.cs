namespace WarningHub.Simulators.Serial;

/// <summary>How the simulated Modbus RTU relay slave behaves.</summary>
public sealed class ModbusRelaySimulatorOptions
{
    /// <summary>Its slave address (1-247); requests for other slaves are ignored. <value>1.</value></summary>
    public byte SlaveAddress { get; set; } = 1;

    /// <summary>Coils 0 to CoilCount-1 exist; others are answered with exception 02. <value>16.</value></summary>
    public int CoilCount { get; set; } = 16;

    /// <summary>Silence that ends a request of a function it does not know (RTU's 3.5 character gap). <value>20 milliseconds.</value></summary>
    public TimeSpan FrameGap { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Line speed of the simulator's end (a pty accepts any). <value>9600.</value></summary>
    public int BaudRate { get; set; } = 9600;
}
