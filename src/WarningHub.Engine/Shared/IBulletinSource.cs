using WarningHub.Abstractions;
using WarningHub.Core.Warnings;

namespace WarningHub.Engine.Shared;

/// <summary>A warning's loudspeaker bulletin: the audio, and the script for terminals that speak for themselves.</summary>
public sealed record Bulletin(AudioClip Clip, string Script);

/// <summary>Makes (or finds cached) the bulletin of a warning. Implemented by the audio module.</summary>
public interface IBulletinSource
{
    Task<Bulletin> BulletinAsync(WarningRecord warning, CancellationToken cancellationToken);

    /// <summary>How long the warning's bulletin plays, estimated without making it (for a release preview).</summary>
    /// <param name="warning">A stored or previewed warning.</param>
    TimeSpan EstimateLength(WarningRecord warning);
}
