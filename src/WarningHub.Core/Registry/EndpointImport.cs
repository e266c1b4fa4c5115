namespace WarningHub.Core.Registry;

/// <summary>
/// The endpoints read from an import folder, kind by kind. A kind is null when its file was absent: the import
/// keeps what the database holds for it, because an operator who sends a new persons list without
/// terminals.csv expects the county's loudspeakers to stay, not to vanish. To remove every endpoint of a kind,
/// import its file with the header line only.
/// </summary>
public sealed class EndpointImport(
    IReadOnlyList<Terminal>? terminals,
    IReadOnlyList<Subscriber>? subscribers,
    IReadOnlyList<Officer>? officers,
    IReadOnlyList<Responsibility>? responsibilities = null)
{
    /// <summary>The terminals of terminals.csv, or null when the folder had none.</summary>
    public IReadOnlyList<Terminal>? Terminals { get; } = terminals;

    /// <summary>The followers of subscribers.csv, or null when the folder had none.</summary>
    public IReadOnlyList<Subscriber>? Subscribers { get; } = subscribers;

    /// <summary>The officers of officers.csv, or null when the folder had none.</summary>
    public IReadOnlyList<Officer>? Officers { get; } = officers;

    /// <summary>The rows of responsibilities.csv, or null when the folder had none.</summary>
    public IReadOnlyList<Responsibility>? Responsibilities { get; } = responsibilities;

    /// <summary>
    /// The endpoints after the import: each kind read replaces the stored one, each kind absent is kept.
    /// Rows read were checked against the new registry as they were read; kept rows are checked here, since the
    /// new registry may have dropped a village, household or town they name, and the new officers may have
    /// dropped an officer that kept responsibilities or the registry's households (cadre_id) name.
    /// </summary>
    /// <exception cref="RegistryValidationException">A kept endpoint does not fit the new registry.</exception>
    public CountyEndpoints ReplaceIn(CountyEndpoints stored, CountyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(registry);
        var officersAfter = Officers ?? stored.Officers;
        var kept = new CountyEndpoints(
            Terminals is null ? stored.Terminals : [],
            Subscribers is null ? stored.Subscribers : [],
            Officers is null ? stored.Officers : [],
            Responsibilities is null ? stored.Responsibilities : []);
        var problems = kept.RowProblems(registry, officersAfter)
            .Select(p => $"kept from the database (its file is not in the folder): {p}").ToList();

        // The cadres the new households name must be among the officers after the import, read or kept.
        problems.AddRange(CountyEndpoints.CadreProblems(registry, officersAfter).Select(p => $"{RegistryCsv.HouseholdsFileName}: {p}"));

        if (problems.Count > 0)
        {
            throw new RegistryValidationException(problems, problems.Count);
        }

        return new CountyEndpoints(
            Terminals ?? stored.Terminals,
            Subscribers ?? stored.Subscribers,
            officersAfter,
            Responsibilities ?? stored.Responsibilities);
    }
}
