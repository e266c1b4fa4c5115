using System.Text;

namespace WarningHub.Channels.Sms.Smpp.Tests.Support;

/// <summary>Builds expected octets from hex written field by field, so vectors read like the specification's tables.</summary>
internal static class Hex
{
    /// <summary>Hex digits; spaces, pipes and newlines are ignored.</summary>
    public static byte[] Parse(string hex) =>
        Convert.FromHexString(new string([.. hex.Where(Uri.IsHexDigit)]));

    public static string Format(ReadOnlySpan<byte> octets) => Convert.ToHexString(octets);

    public static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];
}
