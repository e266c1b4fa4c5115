namespace WarningHub.Testing.Vectors;

/// <summary>Byte vectors written as hex, with spaces and field comments allowed between octets.</summary>
public static class Hex
{
    /// <summary>Joins hex fragments (spaces ignored) into octets.</summary>
    public static byte[] Of(params string[] fields) => Convert.FromHexString(string.Concat(fields).Replace(" ", "", StringComparison.Ordinal));

    /// <summary><paramref name="count"/> zero octets as hex, for the padding of fixed-width fields.</summary>
    public static string Zeros(int count) => new('0', count * 2);

    public static string Of(ReadOnlySpan<byte> data) => Convert.ToHexString(data);
}
