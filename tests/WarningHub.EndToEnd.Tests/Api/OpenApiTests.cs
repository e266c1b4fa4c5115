using System.Net;
using System.Text.Json;

namespace WarningHub.EndToEnd.Tests.Api;

/// <summary>/openapi/v1.json describes the agency API: its paths, the API-key scheme and the typed answers.</summary>
public sealed class OpenApiTests(ApiHub fixture) : IClassFixture<ApiHub>
{
    [Fact]
    public async Task OpenApiDocument_IsPublic_AndListsTheAgencyPathsBehindTheApiKeyScheme()
    {
        var document = await DocumentAsync();

        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/warnings", "/api/v1/warnings/{id}", "/api/v1/warnings/{id}/reach", "/api/v1/warnings/{id}/acknowledgements",
                     "/api/v1/warnings/{id}/unreached", "/api/v1/feeds/cap" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is described");
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal(("apiKey", "header", "X-Api-Key"),
            (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        foreach (var (path, method) in new[] { ("/api/v1/warnings", "post"), ("/api/v1/warnings/{id}", "get"), ("/api/v1/warnings/{id}/reach", "get"),
                     ("/api/v1/warnings/{id}/acknowledgements", "get"), ("/api/v1/warnings/{id}/unreached", "get") })
            Assert.True(RequiresApiKey(paths.GetProperty(path).GetProperty(method)), $"{method} {path} asks for the key");
        Assert.False(RequiresApiKey(paths.GetProperty("/api/v1/feeds/cap").GetProperty("get")), "the CAP feed is public");
        var body = paths.GetProperty("/api/v1/warnings").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(body.TryGetProperty("application/cap+xml", out _), "submit takes CAP XML");
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheTypedAnswersOfSubmitStatusAndReach_AndTheirProblems()
    {
        var document = await DocumentAsync();
        var paths = document.GetProperty("paths");

        var submit = Response(document, paths.GetProperty("/api/v1/warnings").GetProperty("post"), "202");
        var status = Response(document, paths.GetProperty("/api/v1/warnings/{id}").GetProperty("get"), "200");
        var reach = Response(document, paths.GetProperty("/api/v1/warnings/{id}/reach").GetProperty("get"), "200");
        var acknowledgements = Response(document, paths.GetProperty("/api/v1/warnings/{id}/acknowledgements").GetProperty("get"), "200");

        Assert.Superset(new HashSet<string> { "id", "duplicate", "status", "msgType" }, Properties(submit));
        Assert.Superset(new HashSet<string> { "id", "state", "status", "level", "channels" }, Properties(status));
        Assert.Superset(new HashSet<string> { "warningId", "county", "towns", "villages", "channels" }, Properties(reach));
        Assert.Superset(new HashSet<string> { "warningId", "required", "deadline", "summary", "officers" }, Properties(acknowledgements));
        var officer = Resolve(document, acknowledgements.GetProperty("properties").GetProperty("officers")).GetProperty("items");
        Assert.Superset(new HashSet<string> { "officerId", "name", "tier", "sentAt", "answeredAt", "how", "escalated" }, Properties(Resolve(document, officer)));
        var channels = Resolve(document, status.GetProperty("properties").GetProperty("channels")).GetProperty("additionalProperties");
        Assert.Superset(new HashSet<string> { "planned", "delivered", "pending", "possiblyDuplicated" }, Properties(Resolve(document, channels)));
        foreach (var (path, method, code) in new[] { ("/api/v1/warnings", "post", "400"), ("/api/v1/warnings", "post", "401"),
                     ("/api/v1/warnings/{id}", "get", "404"), ("/api/v1/warnings/{id}/reach", "get", "404"),
                     ("/api/v1/warnings/{id}/acknowledgements", "get", "404") })
        {
            var content = paths.GetProperty(path).GetProperty(method).GetProperty("responses").GetProperty(code).GetProperty("content");
            Assert.True(content.TryGetProperty("application/problem+json", out _), $"{method} {path} {code} is a problem");
        }
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var anonymous = fixture.Hub.Client(null);
        using var response = await anonymous.Http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HubApiClient.JsonAsync(response);
    }

    private static bool RequiresApiKey(JsonElement operation) =>
        operation.TryGetProperty("security", out var security) && security.EnumerateArray().Any(r => r.TryGetProperty("ApiKey", out _));

    private static JsonElement Response(JsonElement document, JsonElement operation, string status) =>
        Resolve(document, operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema"));

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        if (!schema.TryGetProperty("$ref", out var reference)) return schema;
        var name = reference.GetString()!.Split('/')[^1];
        return document.GetProperty("components").GetProperty("schemas").GetProperty(name);
    }

    private static HashSet<string> Properties(JsonElement schema) =>
        schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
}
