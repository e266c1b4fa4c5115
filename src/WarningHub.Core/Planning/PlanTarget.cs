using WarningHub.Core.Geo;

namespace WarningHub.Core.Planning;

/// <summary>
/// Whom a warning is for: division codes of any level (whole villages), shapes (persons whose location is
/// inside), and whether only registered test recipients may receive it (Test and Exercise warnings).
/// </summary>
public sealed record PlanTarget(IReadOnlyList<string> AreaCodes, GeoArea Shapes, bool TestRecipientsOnly)
{
    /// <summary>No area at all: a plan with no slots (a Cancel, whose all-clear follows the warnings it ends).</summary>
    public static PlanTarget Nobody { get; } = new([], new GeoArea([], []), TestRecipientsOnly: false);
}
