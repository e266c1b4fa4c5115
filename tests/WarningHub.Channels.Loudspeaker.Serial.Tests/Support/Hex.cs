namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Support;

/// <summary>Expected octets written as hex, field by field, so vectors read like a datasheet's tables.</summary>
internal static class Hex
{
    /// <summary>Hex digits; spaces, pipes and newlines are ignored.</summary>
    public static byte[] Parse(string hex) => Convert.FromHexString(new string([.. hex.Where(Uri.IsHexDigit)]));

    public static string Format(ReadOnlySpan<byte> octets) => Convert.ToHexString(octets);
}
