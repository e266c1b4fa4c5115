namespace WarningHub.FaultBattery;

/// <summary>How big and how fast the battery runs.</summary>
public sealed record BatteryOptions
{
    /// <summary>Synthetic persons of the sample county; about 92 % have a phone, some share one.</summary>
    public int Persons { get; init; } = 2000;

    public long Seed { get; init; } = 7;

    /// <summary>The SMPP gateway's contracted rate, in parts.</summary>
    public int PartsPerSecond { get; init; } = 1500;

    /// <summary>The hub's receipt window: receipts lost for good end their slot Unconfirmed after it.</summary>
    public TimeSpan ReceiptWindow { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest real time one fault may take before it is reported as not finished.</summary>
    public TimeSpan PerFaultLimit { get; init; } = TimeSpan.FromMinutes(4);

    /// <summary>Progress lines, for a test's output or the bench's stderr.</summary>
    public Action<string>? Log { get; init; }
}
