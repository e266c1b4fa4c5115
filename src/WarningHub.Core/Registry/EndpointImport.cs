namespace WarningHub.Core.Registry;

/// <summary>
/// The endpoints read from an import folder, kind by kind. A kind is null when its file was absent: the import
/// keeps what the database holds for it, because an operator who sends a new persons list without
/// terminals.csv expects the county's loudspeakers to stay, not to vanish. To remove every endpoint of a kind,
/// import its file with the header line only.
/// </summary>
public sealed class EndpointImport(IReadOnlyList<Terminal>? terminals, IReadOnlyList<Subscriber>? subscribers, IReadOnlyList<Officer>? officers)
{
    /// <summary>The terminals of terminals.csv, or null when the folder had none.</summary>
    public IReadOnlyList<Terminal>? Terminals { get; } = terminals;

    /// <summary>The followers of subscribers.csv, or null when the folder had none.</summary>
    public IReadOnlyList<Subscriber>? Subscribers { get; } = subscribers;

    /// <summary>The officers of officers.csv, or null when the folder had none.</summary>
    public IReadOnlyList<Officer>? Officers { get; } = officers;

    /// <summary>
    /// The endpoints after the import: each kind read replaces the stored one, each kind absent is kept.
    /// Rows read were checked against the new registry as they were read; kept rows are checked here, since the
    /// new registry may have dropped a village, household or town they name.
    /// </summary>
    /// <exception cref="RegistryValidationException">A kept endpoint does not fit the new registry.</exception>
    public CountyEndpoints ReplaceIn(CountyEndpoints stored, CountyRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(registry);
        var kept = new CountyEndpoints(Terminals is null ? stored.Terminals : [], Subscribers is null ? stored.Subscribers : [], Officers is null ? stored.Officers : []);
        var problems = kept.Problems(registry);
        if (problems.Count > 0)
        {
            var errors = problems.Select(p => $"kept from the database (its file is not in the folder): {p}").ToList();
            throw new RegistryValidationException(errors, errors.Count);
        }

        return new CountyEndpoints(Terminals ?? stored.Terminals, Subscribers ?? stored.Subscribers, Officers ?? stored.Officers);
    }
}
