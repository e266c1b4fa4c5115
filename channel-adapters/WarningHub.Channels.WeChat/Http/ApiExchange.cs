using System.Net.Http;
using RestSharp;

namespace WarningHub.Channels.WeChat.Http;

/// <summary>Runs RestSharp requests and sorts the result into answered, not sent, or lost.</summary>
internal static class ApiExchange
{
    /// <summary>Creates the client for one API base. Redirects are not followed: a redirected send is not a send.</summary>
    public static RestClient CreateClient(Uri apiBase, TimeSpan timeout) =>
        new(new RestClientOptions(apiBase)
        {
            Timeout = timeout,
            FollowRedirects = false,
            ThrowOnAnyError = false,
            UserAgent = "WarningHub",
        });

    /// <summary>
    /// Executes <paramref name="request"/>. The caller's token firing before the request starts throws
    /// <see cref="OperationCanceledException"/> (nothing left); firing during it gives <see cref="ApiAnswerKind.Lost"/>.
    /// </summary>
    public static async Task<ApiAnswer> ExecuteAsync(RestClient client, RestRequest request, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        RestResponse response;
        try
        {
            response = await client.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return new ApiAnswer(ApiAnswerKind.Lost, 0, default, "cancelled while the request was in flight");
        }

        if (response.StatusCode != 0 && response.ResponseStatus is ResponseStatus.Completed or ResponseStatus.Error
            && FindHttpError(response.ErrorException) is null)
        {
            return new ApiAnswer(ApiAnswerKind.Answered, (int)response.StatusCode, response.RawBytes ?? [], null);
        }

        var httpError = FindHttpError(response.ErrorException);
        var failure = httpError is null
            ? $"{response.ResponseStatus}: {response.ErrorException?.GetType().Name ?? "no answer"}"
            : $"{response.ResponseStatus}: {nameof(HttpRequestException)} {httpError.HttpRequestError}";
        var notSent = response.ResponseStatus != ResponseStatus.TimedOut && httpError?.HttpRequestError is
            HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
        return new ApiAnswer(notSent ? ApiAnswerKind.NotSent : ApiAnswerKind.Lost, 0, default, failure);
    }

    private static HttpRequestException? FindHttpError(Exception? exception)
    {
        // Bounded: exception chains are finite and short.
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException http && http.StatusCode is null)
            {
                return http;
            }
        }

        return null;
    }
}
