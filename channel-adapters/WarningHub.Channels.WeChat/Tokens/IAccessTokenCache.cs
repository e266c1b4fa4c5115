namespace WarningHub.Channels.WeChat;

/// <summary>
/// Where an official account's access_token lives. WeChat's stable_token answers one current token per account, renewed
/// in its last 5 minutes; sharing it keeps every send and every node on that token and the token requests few; this
/// interface is that sharing point. <see cref="InMemoryAccessTokenCache"/> serves one process; a Redis implementation serves several
/// nodes (a key per account with a time-to-live of <see cref="AccessToken.UseUntil"/>, a lock so one node fetches).
/// Implementations guarantee single flight: however many callers ask at once, one <see cref="AccessTokenFetcher"/>
/// call runs per account, and the others wait for its result.
/// </summary>
public interface IAccessTokenCache
{
    /// <summary>
    /// The account's token; fetched (single flight) when none is cached or the cached one has reached its
    /// <see cref="AccessToken.UseUntil"/>. Throws what the fetcher throws.
    /// </summary>
    /// <param name="account">The cache key: the AppId, so two registrations of one account share one token.</param>
    /// <param name="fetch">Gets a new token from WeChat.</param>
    /// <param name="cancellationToken">Ends the caller's wait; a fetch already running goes on for the others.</param>
    ValueTask<AccessToken> GetAsync(string account, AccessTokenFetcher fetch, CancellationToken cancellationToken);

    /// <summary>
    /// WeChat refused <paramref name="rejectedToken"/> (errcode 40001, 40014 or 42001): replaces it unless another
    /// caller already did, in which case the newer token is returned without a fetch.
    /// </summary>
    ValueTask<AccessToken> RefreshAsync(string account, string rejectedToken, AccessTokenFetcher fetch, CancellationToken cancellationToken);
}
