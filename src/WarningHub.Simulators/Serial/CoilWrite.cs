namespace WarningHub.Simulators.Serial;

/// <summary>One coil switched by a write request (function 05 or 0F).</summary>
public sealed record CoilWrite(int Coil, bool On);
