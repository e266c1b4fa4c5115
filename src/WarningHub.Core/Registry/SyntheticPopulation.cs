namespace WarningHub.Core.Registry;

/// <summary>Households and persons made by <see cref="CountyGenerator"/>; synthetic, grouped by village in code order.</summary>
public sealed record SyntheticPopulation(IReadOnlyList<Household> Households, IReadOnlyList<Person> Persons);
