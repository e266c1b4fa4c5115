using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;

namespace WarningHub.Engine.Hosting;

/// <summary>Connects every adapter that holds connections before the engine resumes work, and disconnects them last.</summary>
public sealed class ChannelHost(IEnumerable<IChannelLifecycle> channels, ILogger<ChannelHost> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in channels)
        {
            try
            {
                await channel.StartAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A gateway that is down at start-up must not stop the hub: its slots wait and retry.
                logger.LogError(ex, "Channel {Channel} failed to start; its sends will be retried", (channel as IChannelAdapter)?.Definition.Name);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var channel in channels.Reverse())
        {
            try
            {
                await channel.StopAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Channel {Channel} did not stop cleanly", (channel as IChannelAdapter)?.Definition.Name);
            }
        }
    }
}
