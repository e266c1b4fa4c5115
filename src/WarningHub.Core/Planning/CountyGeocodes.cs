using WarningHub.Core.Cap;
using WarningHub.Core.Registry;

namespace WarningHub.Core.Planning;

/// <summary>
/// Checks every division-code geocode (<see cref="CapGeocodes.IsDivisionCode"/>) of an alert against the loaded
/// county: each must be a well-formed code, inside the county and known to the registry, or the province or city
/// that contains the county (which then means the whole county). One bad code beside good ones is an error,
/// never silently dropped: it is most likely a typo for a place that would then not be warned.
/// Geocodes of other schemes are not looked at.
/// </summary>
public static class CountyGeocodes
{
    public static IReadOnlyList<CapProblem> Check(CapAlert alert, CountyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(registry);
        var county = DivisionCode.GetPrefix(registry.County.Code);
        var problems = new List<CapProblem>();
        for (var i = 0; i < alert.Infos.Count; i++)
        {
            var areas = alert.Infos[i]?.Areas ?? [];
            for (var j = 0; j < areas.Count; j++)
            {
                var geocodes = areas[j]?.Geocodes ?? [];
                for (var k = 0; k < geocodes.Count; k++)
                {
                    if (CapGeocodes.IsDivisionCode(geocodes[k]) && Problem(geocodes[k].Value, county, registry) is { } reason)
                    {
                        var path = CapPath.Item(CapPath.Item(CapPath.Item(CapPath.Root, "info", i), "area", j), "geocode", k);
                        problems.Add(new CapProblem(path, reason));
                    }
                }
            }
        }

        return problems;
    }

    private static string? Problem(string? value, string county, CountyRegistry registry)
    {
        var quoted = "'" + CapText.Shorten(value ?? string.Empty) + "'";
        if (!DivisionCode.TryGetPrefix(value, out var prefix))
        {
            return $"{quoted} is not a division code (统计用区划代码): expected 12 digits, or the 2, 4, 6 or 9 digits of a province, city, county or town";
        }

        if (county.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = $"{registry.County.Name} ({registry.County.Code})";
        if (!prefix.StartsWith(county, StringComparison.Ordinal))
        {
            return $"{quoted} is outside {name}: this hub warns only its own county";
        }

        return registry.FindRegion(prefix) is null
            ? $"{quoted} is in {name} but is no town or village of the loaded registry"
            : null;
    }
}
