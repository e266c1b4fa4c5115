using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace WarningHub.Testing;

/// <summary>
/// The hub's HTTP API as one agency (or nobody) sees it: submit, status and reach, with the agency's key in
/// X-Api-Key. Answers are returned whole, so a test can assert on the status, the problem and the body.
/// </summary>
public sealed class HubApiClient : IDisposable
{
    public const string KeyHeader = "X-Api-Key";
    public const string CapXml = "application/cap+xml";

    /// <param name="apiKey">The agency's key; null for an anonymous caller.</param>
    public HubApiClient(Uri baseAddress, string? apiKey)
    {
        Http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (apiKey is not null) Http.DefaultRequestHeaders.Add(KeyHeader, apiKey);
    }

    public HttpClient Http { get; }

    public Task<HttpResponseMessage> SubmitAsync(string body, string mediaType = CapXml) =>
        Http.PostAsync(new Uri("/api/v1/warnings", UriKind.Relative), new StringContent(body, Encoding.UTF8, mediaType));

    public Task<HttpResponseMessage> WarningAsync(string id) => Http.GetAsync(new Uri($"/api/v1/warnings/{Uri.EscapeDataString(id)}", UriKind.Relative));

    public Task<HttpResponseMessage> ReachAsync(string id) => Http.GetAsync(new Uri($"/api/v1/warnings/{Uri.EscapeDataString(id)}/reach", UriKind.Relative));

    /// <summary>The id of an accepted (202) submission; fails the test with the answer otherwise.</summary>
    public async Task<string> SubmitAcceptedAsync(string capXml)
    {
        using var response = await SubmitAsync(capXml);
        var body = await response.Content.ReadAsStringAsync();
        if ((int)response.StatusCode != 202) throw new InvalidOperationException($"expected 202, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public void Dispose() => Http.Dispose();
}
