using WarningHub.Core.Registry;

namespace WarningHub.Core.Drills;

/// <summary>
/// A drill (演练) an administrator authorised: an Exercise warning whose area lies inside <see cref="AreaCodes"/> and
/// whose release falls in [<see cref="From"/>, <see cref="To"/>] reaches the area's real population, marked 【演练】.
/// </summary>
/// <param name="Id">The drill's number.</param>
/// <param name="AreaCodes">Division codes (county, town or village) as significant prefixes.</param>
/// <param name="From">When the window opens.</param>
/// <param name="To">When it closes.</param>
/// <param name="AuthorisedBy">The administrator who authorised it.</param>
/// <param name="AuthorisedAt">When.</param>
public sealed record Drill(long Id, IReadOnlyList<string> AreaCodes, DateTimeOffset From, DateTimeOffset To, string AuthorisedBy, DateTimeOffset AuthorisedAt)
{
    /// <summary>True when <paramref name="at"/> is inside the window.</summary>
    /// <param name="at">A release time.</param>
    public bool IsOpenAt(DateTimeOffset at) => at >= From && at <= To;

    /// <summary>True when the village (a 12-digit code) lies under one of the drill's codes.</summary>
    /// <param name="villageCode">A village's full code.</param>
    public bool Contains(string villageCode)
    {
        ArgumentNullException.ThrowIfNull(villageCode);
        return AreaCodes.Any(c => villageCode.StartsWith(DivisionCode.GetPrefix(c), StringComparison.Ordinal));
    }
}

/// <summary>The authorised drills, in the hub's database; each authorisation commits with its audit row.</summary>
public interface IDrillStore
{
    /// <summary>Stores a drill authorised by <paramref name="drill"/>'s administrator, with an audit row; returns it with its id.</summary>
    /// <param name="drill">The drill (its id is ignored).</param>
    /// <param name="cancellationToken">Ends the wait for the store.</param>
    Task<Drill> AddAsync(Drill drill, CancellationToken cancellationToken);

    /// <summary>Every drill, newest first.</summary>
    /// <param name="cancellationToken">Ends the wait for the store.</param>
    Task<IReadOnlyList<Drill>> ListAsync(CancellationToken cancellationToken);
}
