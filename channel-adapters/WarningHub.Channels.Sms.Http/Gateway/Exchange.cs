using System.Globalization;
using System.Net.Http;
using RestSharp;

namespace WarningHub.Channels.Sms.Http.Gateway;

/// <summary>How one HTTP request ended, as far as the hub can know.</summary>
internal enum ExchangeKind
{
    /// <summary>The gateway answered with a status and a whole body.</summary>
    Answered,

    /// <summary>No connection was opened: nothing reached the gateway.</summary>
    NotSent,

    /// <summary>The request may have reached the gateway, but no whole answer came (timeout, reset, slow body).</summary>
    Lost,
}

/// <summary>The end of one request.</summary>
internal readonly record struct Exchange(ExchangeKind Kind, int Status, string Body, string? Problem, TimeSpan? RetryAfter)
{
    /// <summary>
    /// Runs <paramref name="request"/> and sorts the end: only a failure to connect (refused, no route, name unknown, TLS
    /// refused) counts as not sent; a timeout or a broken connection after it opened may have delivered the request.
    /// </summary>
    public static async Task<Exchange> RunAsync(RestClient client, RestRequest request)
    {
        RestResponse response;
        try
        {
            response = await client.ExecuteAsync(request, CancellationToken.None).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (IsNotSent(ex.HttpRequestError))
        {
            return new Exchange(ExchangeKind.NotSent, 0, string.Empty, ex.Message, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or TimeoutException)
        {
            return new Exchange(ExchangeKind.Lost, 0, string.Empty, ex.GetType().Name + ": " + ex.Message, null);
        }

        var transport = FindHttpError(response.ErrorException);
        if (response.ResponseStatus == ResponseStatus.Completed || (response.StatusCode != 0 && response.ResponseStatus == ResponseStatus.Error && transport is null))
        {
            return new Exchange(ExchangeKind.Answered, (int)response.StatusCode, response.Content ?? string.Empty, null, RetryAfterOf(response));
        }

        if (response.ResponseStatus != ResponseStatus.TimedOut && transport is { } error && IsNotSent(error))
        {
            return new Exchange(ExchangeKind.NotSent, 0, string.Empty, $"could not connect ({error})", null);
        }

        var problem = response.ResponseStatus == ResponseStatus.TimedOut
            ? "no whole answer within the timeout"
            : "the connection broke: " + (response.ErrorException?.GetBaseException().Message ?? response.ResponseStatus.ToString());
        return new Exchange(ExchangeKind.Lost, 0, string.Empty, problem, null);
    }

    private static bool IsNotSent(HttpRequestError error) =>
        error is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;

    private static HttpRequestError? FindHttpError(Exception? exception)
    {
        // Bounded: exception chains are short.
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException { StatusCode: null } http) return http.HttpRequestError;
        }

        return null;
    }

    private static TimeSpan? RetryAfterOf(RestResponse response)
    {
        var header = response.Headers?.FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value;
        return int.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
    }
}
