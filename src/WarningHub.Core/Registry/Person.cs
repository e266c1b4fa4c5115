namespace WarningHub.Core.Registry;

/// <summary>A household (户) of a village, optionally with a location.</summary>
public sealed record Household(long Id, string VillageCode, string Address, double? Latitude, double? Longitude)
{
    /// <summary>The officer who answers for this household door to door (包户干部), or null.</summary>
    public long? CadreId { get; init; }
}

/// <summary>
/// A person (人) of the registry. <see cref="Phone"/> is null for people without a phone of their own:
/// they are still targeted and counted, and appear on the door-to-door list when nothing else reaches them.
/// </summary>
/// <param name="IsTestRecipient">Registered to receive <c>Test</c> and <c>Exercise</c> warnings.</param>
public sealed record Person(
    long Id,
    string Name,
    string? Phone,
    long HouseholdId,
    string VillageCode,
    double? Latitude,
    double? Longitude,
    bool IsTestRecipient);
