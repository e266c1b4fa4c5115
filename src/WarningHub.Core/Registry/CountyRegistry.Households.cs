namespace WarningHub.Core.Registry;

public sealed partial class CountyRegistry
{
    /// <summary>The position of the household with this id in <see cref="Households"/>, or -1.</summary>
    public int HouseholdIndexOf(long id) => householdIndex.TryGetValue(id, out var index) ? index : -1;
}
