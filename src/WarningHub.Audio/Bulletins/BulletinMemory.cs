namespace WarningHub.Audio;

/// <summary>A bulletin's audio as kept in memory; <see cref="RetryAt"/> is set when speech failed and should be tried again.</summary>
internal sealed record BulletinAudio(WarningHub.Abstractions.AudioClip Clip, string? SpeechProblem, DateTimeOffset? RetryAt);

/// <summary>
/// Bulletins being made or made, by clip id. Callers asking for the same clip at the same time share one making;
/// a making that failed is forgotten so the next caller tries again; the least recently used goes past capacity.
/// </summary>
internal sealed class BulletinMemory(int capacity, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, (Task<BulletinAudio> Making, long LastUsed)> entries = new(StringComparer.Ordinal);
    private long uses;

    public Task<BulletinAudio> GetOrMake(string clipId, Func<Task<BulletinAudio>> make)
    {
        lock (gate)
        {
            if (entries.TryGetValue(clipId, out var entry) && IsUsable(entry.Making))
            {
                entries[clipId] = (entry.Making, ++uses);
                return entry.Making;
            }

            var making = make();
            entries[clipId] = (making, ++uses);
            while (entries.Count > capacity)
            {
                entries.Remove(entries.MinBy(e => e.Value.LastUsed).Key);
            }

            return making;
        }
    }

    private bool IsUsable(Task<BulletinAudio> making) => making.Status switch
    {
        TaskStatus.RanToCompletion => making.Result.RetryAt is not { } retryAt || time.GetUtcNow() < retryAt,
        TaskStatus.Faulted or TaskStatus.Canceled => false,
        _ => true,
    };
}
