using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WarningHub.Core.Registry;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Hosting;

/// <summary>Loads the recipient registry before anything plans; the source is the storage's business.</summary>
public sealed class RegistryLoader(Func<CountyRegistry?> load, Func<CountyEndpoints> loadEndpoints, RegistryHolder holder, ILogger<RegistryLoader> logger) : IHostedLifecycleService
{
    /// <summary>Before any hosted service starts: everything after plans against this registry.</summary>
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        var registry = load();
        if (registry is null)
        {
            logger.LogWarning("No recipient registry has been imported: warnings are accepted but cannot be planned until one is");
            return Task.CompletedTask;
        }
        _ = registry.Phones; // built now, not on the first warning's critical path
        holder.Current = registry;
        var endpoints = loadEndpoints();
        foreach (var problem in endpoints.Problems(registry)) logger.LogWarning("Registry endpoint problem: {Problem}", problem);
        holder.Endpoints = endpoints;
        logger.LogInformation("Registry of {County}: {Towns} towns, {Villages} villages, {Persons} persons, {Terminals} terminals, {Subscribers} followers, {Officers} officers",
            registry.County.Name, registry.Towns.Count, registry.Villages.Count, registry.Persons.Count, endpoints.Terminals.Count, endpoints.Subscribers.Count, endpoints.Officers.Count);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
