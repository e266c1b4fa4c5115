namespace WarningHub.Channels.WeChat;

/// <summary>An official account's access_token, shared by every send of the account (and, with a shared cache, every node).</summary>
/// <param name="Value">The token. It is a credential: never log it.</param>
/// <param name="UseUntil">When the hub stops using it and fetches a new one: WeChat's expiry minus the refresh margin (UTC).</param>
public sealed record AccessToken(string Value, DateTimeOffset UseUntil)
{
    /// <summary>Keeps the token out of logs and exception messages that print records.</summary>
    public override string ToString() => $"AccessToken {{ Value = ****, UseUntil = {UseUntil:O} }}";
}

/// <summary>Fetches a new access_token from WeChat. Called by an <see cref="IAccessTokenCache"/>, at most one at a time per account.</summary>
public delegate Task<AccessToken> AccessTokenFetcher(CancellationToken cancellationToken);

/// <summary>The token endpoint refused or could not be reached; the send is reported as a temporary failure.</summary>
public sealed class AccessTokenUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AccessTokenUnavailableException()
        : this("The access_token could not be fetched.")
    {
    }

    /// <summary>Creates the exception.</summary>
    public AccessTokenUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public AccessTokenUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with WeChat's errcode (or an HTTP category such as <c>http-503</c>).</summary>
    public AccessTokenUnavailableException(string errorCode, string message)
        : base(message) => ErrorCode = errorCode;

    /// <summary>WeChat's errcode, or a category of transport failure.</summary>
    public string? ErrorCode { get; }
}
