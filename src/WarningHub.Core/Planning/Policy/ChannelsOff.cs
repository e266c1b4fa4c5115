using WarningHub.Core.Cap;

namespace WarningHub.Core.Planning.Policy;

/// <summary>
/// The CAP parameter that keeps named channels off for one warning: <c>WarningHub:ChannelsOff</c> with a comma list
/// of ledger channels (<c>sms,tv</c>), in any info block. Names are matched without regard to case; an unknown one is
/// an error naming the parameter, so a typo never sends what the agency meant to keep off.
/// </summary>
public static class ChannelsOff
{
    public const string ParameterName = "WarningHub:ChannelsOff";

    /// <summary>Every parameter naming a channel that does not exist, as a problem at its place (<c>info[0].parameter[2]</c>).</summary>
    /// <param name="alert">The submitted alert.</param>
    public static IEnumerable<CapProblem> Check(CapAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        foreach (var (info, i) in alert.Infos.Select((info, i) => (info, i)))
        {
            foreach (var (parameter, j) in info.Parameters.Select((p, j) => (p, j)))
            {
                if (!string.Equals(parameter.ValueName, ParameterName, StringComparison.Ordinal)) continue;
                var unknown = Names(parameter.Value).Where(n => Find(n) is null).ToList();
                if (unknown.Count > 0)
                    yield return new CapProblem($"info[{i}].parameter[{j}]",
                        $"{ParameterName}: {string.Join(", ", unknown.Select(u => $"'{u}'"))} is not a channel ({string.Join(", ", Channels.All)})");
            }
        }
    }

    /// <summary>The channels the alert keeps off (unknown names, refused at intake, are ignored).</summary>
    /// <param name="alert">The stored alert.</param>
    public static IReadOnlySet<string> Of(CapAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return alert.Infos.SelectMany(i => i.Parameters)
            .Where(p => string.Equals(p.ValueName, ParameterName, StringComparison.Ordinal))
            .SelectMany(p => Names(p.Value)).Select(Find).OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    private static string[] Names(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string? Find(string name) => Channels.All.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
}
