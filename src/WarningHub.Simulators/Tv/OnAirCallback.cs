using System.Net;
using System.Net.Http.Json;

namespace WarningHub.Simulators.Tv;

/// <summary>The on-air confirmation a station posts to the hub: <c>{"id":"…","onAir":true}</c> with the shared secret in X-Tv-Secret.</summary>
public static class OnAirCallback
{
    public const string SecretHeader = "X-Tv-Secret";

    public static async Task<HttpStatusCode> PostAsync(HttpClient http, Uri callbackUrl, string secret, string stationId, bool onAir, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, callbackUrl) { Content = JsonContent.Create(new { id = stationId, onAir }) };
        request.Headers.Add(SecretHeader, secret);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode;
    }
}
