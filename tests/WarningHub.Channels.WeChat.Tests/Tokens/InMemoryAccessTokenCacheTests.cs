using Microsoft.Extensions.Time.Testing;

namespace WarningHub.Channels.WeChat.Tests.Tokens;

public class InMemoryAccessTokenCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 7, 1, 2, 0, 0, TimeSpan.Zero));
    private int _fetches;

    [Fact]
    public async Task GetAsync_HundredConcurrentCallers_FetchOnceAndShareTheToken()
    {
        var cache = new InMemoryAccessTokenCache(_time);
        var release = new TaskCompletionSource();
        AccessTokenFetcher fetch = async _ =>
        {
            Interlocked.Increment(ref _fetches);
            await release.Task;
            return new AccessToken("T1", _time.GetUtcNow().AddHours(1));
        };

        var callers = Enumerable.Range(0, 100).Select(_ => Task.Run(() => cache.GetAsync("wx1", fetch, CancellationToken.None).AsTask())).ToList();
        // The fetch is under way (the signal); callers still arriving find it, or the token once it is cached.
        Assert.True(await Eventually.TrueAsync(() => Volatile.Read(ref _fetches) >= 1));
        release.SetResult();
        var tokens = await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(1, _fetches);
        Assert.All(tokens, t => Assert.Equal("T1", t.Value));
    }

    [Fact]
    public async Task GetAsync_WhenTheTokenReachesUseUntil_FetchesANewOne()
    {
        var cache = new InMemoryAccessTokenCache(_time);
        var fetch = Counting(n => new AccessToken("T" + n, _time.GetUtcNow().AddMinutes(115)));

        Assert.Equal("T1", (await cache.GetAsync("wx1", fetch, CancellationToken.None)).Value);
        _time.Advance(TimeSpan.FromMinutes(114));
        Assert.Equal("T1", (await cache.GetAsync("wx1", fetch, CancellationToken.None)).Value);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("T2", (await cache.GetAsync("wx1", fetch, CancellationToken.None)).Value);
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task RefreshAsync_ManyCallersRejectedWithTheSameToken_FetchOnce()
    {
        var cache = new InMemoryAccessTokenCache(_time);
        var fetch = Counting(n => new AccessToken("T" + n, _time.GetUtcNow().AddHours(1)));
        var rejected = await cache.GetAsync("wx1", fetch, CancellationToken.None);

        var refreshed = await Task.WhenAll(Enumerable.Range(0, 50)
            .Select(_ => Task.Run(() => cache.RefreshAsync("wx1", rejected.Value, fetch, CancellationToken.None).AsTask())));

        Assert.Equal(2, _fetches);
        Assert.All(refreshed, t => Assert.Equal("T2", t.Value));
    }

    [Fact]
    public async Task RefreshAsync_WithATokenThatWasAlreadyReplaced_ReturnsTheNewerOneWithoutFetching()
    {
        var cache = new InMemoryAccessTokenCache(_time);
        var fetch = Counting(n => new AccessToken("T" + n, _time.GetUtcNow().AddHours(1)));
        await cache.GetAsync("wx1", fetch, CancellationToken.None);
        await cache.RefreshAsync("wx1", "T1", fetch, CancellationToken.None);

        var again = await cache.RefreshAsync("wx1", "T1", fetch, CancellationToken.None);

        Assert.Equal("T2", again.Value);
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task GetAsync_WhenTheFetchFails_WaitersSeeTheFailureAndTheNextCallTriesAgain()
    {
        var cache = new InMemoryAccessTokenCache(_time);
        var fail = true;
        AccessTokenFetcher fetch = _ =>
        {
            Interlocked.Increment(ref _fetches);
            return fail
                ? Task.FromException<AccessToken>(new AccessTokenUnavailableException("40001", "refused"))
                : Task.FromResult(new AccessToken("T", _time.GetUtcNow().AddHours(1)));
        };

        var ex = await Assert.ThrowsAsync<AccessTokenUnavailableException>(() => cache.GetAsync("wx1", fetch, CancellationToken.None).AsTask());
        Assert.Equal("40001", ex.ErrorCode);
        fail = false;

        Assert.Equal("T", (await cache.GetAsync("wx1", fetch, CancellationToken.None)).Value);
        Assert.Equal(2, _fetches);
    }

    [Fact]
    public async Task GetAsync_ACallerThatGivesUp_DoesNotCancelTheFetchForTheOthers()
    {
        var cache = new InMemoryAccessTokenCache(_time);
        var release = new TaskCompletionSource();
        AccessTokenFetcher fetch = async ct =>
        {
            await release.Task.WaitAsync(ct);
            return new AccessToken("T", _time.GetUtcNow().AddHours(1));
        };
        using var impatient = new CancellationTokenSource();
        var first = cache.GetAsync("wx1", fetch, impatient.Token).AsTask();
        var second = cache.GetAsync("wx1", fetch, CancellationToken.None).AsTask();

        await impatient.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        release.SetResult();

        Assert.Equal("T", (await second.WaitAsync(TimeSpan.FromSeconds(10))).Value);
    }

    [Fact]
    public void AccessToken_ToString_NeverShowsTheToken()
    {
        var token = new AccessToken("secret-token-value", DateTimeOffset.UnixEpoch);

        Assert.DoesNotContain("secret-token-value", token.ToString(), StringComparison.Ordinal);
    }

    private AccessTokenFetcher Counting(Func<int, AccessToken> make) =>
        _ => Task.FromResult(make(Interlocked.Increment(ref _fetches)));
}
