namespace WarningHub.Simulators.Serial;

/// <summary>One synthesis frame the simulated module accepted and spoke.</summary>
/// <param name="Text">The text, decoded with the frame's encoding byte.</param>
/// <param name="EncodingCode">The encoding byte (0 GB2312, 1 GBK, 2 BIG5, 3 UTF-16LE).</param>
/// <param name="BackgroundMusic">Bits 7-3 of the parameter byte.</param>
/// <param name="Interrupted">A stop command (0x02) cut it short.</param>
public sealed record SimulatedUtterance(string Text, int EncodingCode, int BackgroundMusic, bool Interrupted = false);
