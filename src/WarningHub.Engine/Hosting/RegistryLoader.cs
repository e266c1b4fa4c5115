using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WarningHub.Core.Registry;
using WarningHub.Engine.Release;

namespace WarningHub.Engine.Hosting;

/// <summary>Loads the recipient registry before anything plans; the source is the storage's business.</summary>
public sealed class RegistryLoader(Func<CountyRegistry?> load, RegistryHolder holder, ILogger<RegistryLoader> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var registry = load();
        if (registry is null)
        {
            logger.LogWarning("No recipient registry has been imported: warnings are accepted but cannot be planned until one is");
            return Task.CompletedTask;
        }
        holder.Current = registry;
        logger.LogInformation("Registry of {County}: {Towns} towns, {Villages} villages, {Persons} persons",
            registry.County.Name, registry.Towns.Count, registry.Villages.Count, registry.Persons.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
