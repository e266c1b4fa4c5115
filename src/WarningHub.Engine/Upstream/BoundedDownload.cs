using System.Globalization;
using System.Net;

namespace WarningHub.Engine.Upstream;

/// <summary>What a download gave: the body, or why not and whether trying again later makes sense.</summary>
public sealed record Download(byte[]? Body, string? Problem, bool WorthRetrying)
{
    public bool Succeeded => Body is not null;

    public static Download Failed(string problem, bool worthRetrying) => new(null, problem, worthRetrying);
}

/// <summary>
/// GETs a URL from outside with a deadline (measured on the injected clock) and a size limit, never following
/// redirects, and never throws for what the far side does.
/// </summary>
public sealed class BoundedDownloader(HttpClient http, TimeProvider time)
{
    public async Task<Download> GetAsync(Uri url, int maxBytes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                var retry = response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || status >= 500;
                return Download.Failed(string.Create(CultureInfo.InvariantCulture, $"HTTP {status}"), retry);
            }
            if (response.Content.Headers.ContentLength > maxBytes) return TooLarge(maxBytes);
            await using var stream = await response.Content.ReadAsStreamAsync(linked.Token);
            using var body = new MemoryStream();
            var buffer = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(buffer, linked.Token)) > 0)
            {
                if (body.Length + read > maxBytes) return TooLarge(maxBytes);
                body.Write(buffer, 0, read);
            }
            return new Download(body.ToArray(), null, false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Download.Failed($"no complete answer within {timeout}", worthRetrying: true);
        }
        catch (HttpRequestException ex)
        {
            return Download.Failed("HTTP failure: " + ex.Message, worthRetrying: true);
        }
        catch (IOException ex)
        {
            return Download.Failed("connection failure: " + ex.Message, worthRetrying: true);
        }
    }

    private static Download TooLarge(int maxBytes) =>
        Download.Failed(string.Create(CultureInfo.InvariantCulture, $"larger than the limit of {maxBytes} bytes"), worthRetrying: false);
}
