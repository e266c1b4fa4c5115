using System.Net;
using System.Net.Http.Headers;
using RestSharp;

namespace WarningHub.Channels.Loudspeaker.Ip.Http;

/// <summary>
/// The terminal HTTP API (README.md, "HTTP profile") through RestSharp: <c>GET {base}/status</c> and
/// <c>POST {base}/play</c> with the WAV as multipart field <c>file</c> (and <c>playId</c>), or JSON
/// <c>{"url":…,"playId":…}</c>. Never throws for terminal or network errors; they come back as an
/// <see cref="HttpExchange"/>.
/// </summary>
internal sealed class HttpTerminalClient : IDisposable
{
    private readonly RestClient _client;
    private readonly IpSpeakerOptions _options;

    public HttpTerminalClient(IpSpeakerOptions options)
    {
        _options = options;
        _client = new RestClient(new RestClientOptions
        {
            Timeout = options.HttpTimeout,
            ThrowOnAnyError = false,
            UserAgent = "WarningHub-IpSpeaker",
            FollowRedirects = false,
        });
    }

    public Task<HttpExchange> StatusAsync(Uri baseUri, CancellationToken cancellationToken) =>
        ExecuteAsync(new RestRequest(new Uri(baseUri, "status"), Method.Get) { Timeout = _options.HttpStatusTimeout }, cancellationToken);

    public Task<HttpExchange> UploadAsync(Uri baseUri, string playId, ReadOnlyMemory<byte> wav, CancellationToken cancellationToken)
    {
        var request = new RestRequest(new Uri(baseUri, "play"), Method.Post) { AlwaysMultipartFormData = true };
        request.AddParameter("playId", playId);
        request.AddFile("file", wav.ToArray(), "clip.wav", "audio/wav");
        return ExecuteAsync(request, cancellationToken);
    }

    public Task<HttpExchange> PlayUrlAsync(Uri baseUri, string playId, string url, CancellationToken cancellationToken)
    {
        var request = new RestRequest(new Uri(baseUri, "play"), Method.Post);
        request.AddJsonBody(new PlayByUrl(url, playId));
        return ExecuteAsync(request, cancellationToken);
    }

    public void Dispose() => _client.Dispose();

    private async Task<HttpExchange> ExecuteAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var response = await _client.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.ResponseStatus == ResponseStatus.Completed || (response.StatusCode != 0 && response.ResponseStatus == ResponseStatus.Error))
        {
            return new HttpExchange(true, true, (int)response.StatusCode, response.Content, $"HTTP {(int)response.StatusCode}", RetryAfterOf(response));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var never = response.ErrorException is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };
        var problem = response.ResponseStatus == ResponseStatus.TimedOut
            ? $"no answer within {request.Timeout ?? _options.HttpTimeout}"
            : response.ErrorException?.GetBaseException().Message ?? response.ResponseStatus.ToString();
        return new HttpExchange(false, !never, 0, null, problem, null);
    }

    private static TimeSpan? RetryAfterOf(RestResponse response)
    {
        var header = response.Headers?.FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value;
        return RetryConditionHeaderValue.TryParse(header, out var value) && value.Delta is { } delta ? delta : null;
    }

    private sealed record PlayByUrl(string Url, string PlayId);
}
