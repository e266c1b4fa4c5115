using System.Collections.Frozen;

namespace WarningHub.Core.Cap;

/// <summary>
/// The CAP spelling of the code enums. CAP values are case-sensitive and never numeric,
/// which <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/> would accept ("1", "Actual, Test").
/// </summary>
internal static class CapCode<T>
    where T : struct, Enum
{
    private static readonly FrozenDictionary<string, T> ByName =
        Enum.GetValues<T>().ToFrozenDictionary(value => value.ToString(), StringComparer.Ordinal);

    /// <summary>The accepted values, for problem messages.</summary>
    public static string Expected { get; } = string.Join(", ", Enum.GetNames<T>());

    public static bool TryParse(string text, out T value) => ByName.TryGetValue(text, out value);

    /// <summary>The CAP spelling; an undefined value comes out as its number, which no reader accepts.</summary>
    public static string Format(T value) => value.ToString();
}
