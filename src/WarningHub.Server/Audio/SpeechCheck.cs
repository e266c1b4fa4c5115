using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WarningHub.Audio;

namespace WarningHub.Server.Audio;

/// <summary>
/// Says once at start-up whether bulletins will be spoken, so an operator learns that espeak-ng is missing before the
/// first warning rather than from a per-bulletin warning during one. Runs in the background: start-up does not wait
/// for the speech engine's probe.
/// </summary>
internal sealed class SpeechCheck(ISpeechSynthesizer speech, ILogger<SpeechCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var availability = await speech.CheckAvailabilityAsync(stoppingToken);
            if (availability.IsAvailable)
            {
                logger.LogInformation("Loudspeaker bulletins are spoken by {Speech}", speech.Profile);
            }
            else
            {
                logger.LogWarning("Loudspeaker bulletins will have alert tones only: {Reason}. Terminals with their own speech still get the text.",
                    availability.Reason);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping before the probe answered.
        }
        catch (Exception ex)
        {
            // A probe that fails must not stop the hub (a BackgroundService that throws would): bulletins fall back to tones.
            logger.LogError(ex, "The speech engine could not be checked; bulletins fall back to alert tones if it cannot speak");
        }
    }
}
