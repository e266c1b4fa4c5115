using System.Collections.Concurrent;

namespace WarningHub.Channels.WeChat;

/// <summary>
/// The embedded <see cref="IAccessTokenCache"/>: one token per account in this process, refreshed single-flight. A fetch
/// runs without the caller's token, so a caller that gives up does not fail the others waiting for the same fetch; the
/// fetcher bounds itself (the HTTP request timeout). A failed fetch is not cached: the next caller tries again.
/// </summary>
public sealed class InMemoryAccessTokenCache : IAccessTokenCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    /// <summary>Creates an empty cache.</summary>
    /// <param name="time">The clock that decides when a token has reached its <see cref="AccessToken.UseUntil"/>.</param>
    public InMemoryAccessTokenCache(TimeProvider? time = null) => _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public ValueTask<AccessToken> GetAsync(string account, AccessTokenFetcher fetch, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentNullException.ThrowIfNull(fetch);
        var entry = _entries.GetOrAdd(account, static _ => new Entry());
        Task<AccessToken> pending;
        lock (entry.Gate)
        {
            if (entry.Current is { } token && _time.GetUtcNow() < token.UseUntil)
            {
                return ValueTask.FromResult(token);
            }

            pending = entry.Pending ??= StartFetch(entry, fetch);
        }

        return new ValueTask<AccessToken>(pending.WaitAsync(cancellationToken));
    }

    /// <inheritdoc />
    public ValueTask<AccessToken> RefreshAsync(string account, string rejectedToken, AccessTokenFetcher fetch, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentNullException.ThrowIfNull(fetch);
        var entry = _entries.GetOrAdd(account, static _ => new Entry());
        Task<AccessToken> pending;
        lock (entry.Gate)
        {
            if (entry.Current is { } token && !string.Equals(token.Value, rejectedToken, StringComparison.Ordinal)
                && _time.GetUtcNow() < token.UseUntil)
            {
                return ValueTask.FromResult(token);
            }

            entry.Current = null;
            pending = entry.Pending ??= StartFetch(entry, fetch);
        }

        return new ValueTask<AccessToken>(pending.WaitAsync(cancellationToken));
    }

    /// <summary>Runs the fetch off the caller's thread, so it never runs inside the entry's lock.</summary>
    private static Task<AccessToken> StartFetch(Entry entry, AccessTokenFetcher fetch) => Task.Run(async () =>
    {
        try
        {
            var token = await fetch(CancellationToken.None).ConfigureAwait(false);
            lock (entry.Gate)
            {
                entry.Current = token;
                entry.Pending = null;
            }

            return token;
        }
        catch
        {
            lock (entry.Gate)
            {
                entry.Pending = null;
            }

            throw;
        }
    });

    private sealed class Entry
    {
        public Lock Gate { get; } = new();

        public AccessToken? Current { get; set; }

        public Task<AccessToken>? Pending { get; set; }
    }
}
