using WarningHub.Core.Drills;

namespace WarningHub.Server.Api;

/// <summary>POST /api/v1/drills: the area (division codes of the county, its towns or villages) and the window.</summary>
/// <param name="Areas">Division codes; 6, 9 or 12 digits.</param>
/// <param name="From">When the window opens.</param>
/// <param name="To">When it closes; after <paramref name="From"/>, in the future, at most <see cref="DrillEndpoints.LongestWindow"/> later.</param>
public sealed record DrillRequest(IReadOnlyList<string>? Areas, DateTimeOffset? From, DateTimeOffset? To);

/// <summary>An authorised drill.</summary>
/// <param name="Id">Its number.</param>
/// <param name="Areas">Its division codes.</param>
/// <param name="From">When the window opens.</param>
/// <param name="To">When it closes.</param>
/// <param name="AuthorisedBy">The administrator.</param>
/// <param name="AuthorisedAt">When.</param>
public sealed record DrillJson(long Id, IReadOnlyList<string> Areas, DateTimeOffset From, DateTimeOffset To, string AuthorisedBy, DateTimeOffset AuthorisedAt)
{
    public static DrillJson Of(Drill drill)
    {
        ArgumentNullException.ThrowIfNull(drill);
        return new DrillJson(drill.Id, drill.AreaCodes, drill.From, drill.To, drill.AuthorisedBy, drill.AuthorisedAt);
    }
}

/// <summary>One channel of a drill report.</summary>
/// <param name="Planned">Recipients of the first round.</param>
/// <param name="Delivered">Delivered so far.</param>
/// <param name="FirstSendSeconds">Seconds from release to the channel's first send; null while none.</param>
/// <param name="Reached50Seconds">Seconds from release until half the recipients had their receipt; null until they have.</param>
/// <param name="Reached95Seconds">The same for 95 %.</param>
public sealed record DrillChannelJson(int Planned, int Delivered, double? FirstSendSeconds, double? Reached50Seconds, double? Reached95Seconds);

/// <summary>Door-to-door closure of a drill: households targeted, reached, marked by cadres, still to visit now.</summary>
/// <param name="HouseholdsTargeted">Households of the targeted persons.</param>
/// <param name="HouseholdsReached">Households with a reached person (any evidence).</param>
/// <param name="HouseholdsMarked">Households a cadre marked (any mark).</param>
/// <param name="HouseholdsUnreached">Households still on the door-to-door list.</param>
public sealed record DoorToDoorClosureJson(int HouseholdsTargeted, int HouseholdsReached, int HouseholdsMarked, int HouseholdsUnreached);

/// <summary>GET /api/v1/warnings/{id}/drill-report.</summary>
/// <param name="Id">The warning.</param>
/// <param name="Status">Its CAP status.</param>
/// <param name="Drill">The authorised drill it ran in; null when it reached test recipients only (or is not an Exercise).</param>
/// <param name="ReleasedAt">When it was released; null before.</param>
/// <param name="Channels">Per channel, the times.</param>
/// <param name="Acknowledgements">The 叫应 summary (officers, answered, silent, escalated, median answer seconds).</param>
/// <param name="AnswerSeconds">Each answered call's seconds from call to answer, in order.</param>
/// <param name="DoorToDoor">Door-to-door closure.</param>
public sealed record DrillReportJson(string Id, string Status, long? Drill, DateTimeOffset? ReleasedAt, IReadOnlyDictionary<string, DrillChannelJson> Channels,
    AcknowledgementSummary Acknowledgements, IReadOnlyList<double> AnswerSeconds, DoorToDoorClosureJson DoorToDoor);
