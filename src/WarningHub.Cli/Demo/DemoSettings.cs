namespace WarningHub.Cli.Demo;

/// <summary>What `warninghub demo` runs with.</summary>
internal sealed record DemoSettings(int Persons, bool Json, int Seed, int RatePerSecond, double ReceiptFailureRate, TimeSpan Timeout);
