using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;

namespace WarningHub.EndToEnd.Tests.Api;

/// <summary>Reading needs a key: /api/v1 is behind the API-key scheme and the agency policies; an agency reads its own warnings only.</summary>
public sealed class ApiKeyTests(ApiHub fixture) : IClassFixture<ApiHub>
{
    private readonly TestHub _hub = fixture.Hub;
    private readonly string _own = fixture.OwnWarning;

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key-of-anyone-here")]
    public async Task Read_WithoutOrWithAnUnknownKey_Is401ProblemJsonNamingTheHeader(string? key)
    {
        using var caller = _hub.Client(key);

        using var status = await caller.WarningAsync(_own);
        using var reach = await caller.ReachAsync(_own);

        foreach (var response in new[] { status, reach })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("X-Api-Key", (await HubApiClient.JsonAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("ApiKey", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        }
    }

    [Fact]
    public async Task Read_AnotherAgencysWarning_IsThe404OfAnIdThatDoesNotExist()
    {
        using var other = _hub.Client(TestHub.OtherAgencyKey);

        using var status = await other.WarningAsync(_own);
        using var reach = await other.ReachAsync(_own);
        using var missing = await other.WarningAsync("W19990101-000000");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (status.StatusCode, reach.StatusCode));
        var hidden = await HubApiClient.JsonAsync(status);
        var absent = await HubApiClient.JsonAsync(missing);
        Assert.Equal(absent.GetProperty("title").GetString(), hidden.GetProperty("title").GetString());
        Assert.Equal($"No warning has the id '{_own}'.", hidden.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Read_OwnWarning_AnswersStatusAndReach_AndTheCountysOperatorsReadItToo()
    {
        using var own = _hub.Client(TestHub.ApiKey);
        using var operators = _hub.Client(TestHub.OperatorKey);

        using var status = await own.WarningAsync(_own);
        using var reach = await own.ReachAsync(_own);
        using var asOperator = await operators.WarningAsync(_own);

        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        Assert.Equal(_own, (await HubApiClient.JsonAsync(status)).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, reach.StatusCode);
        Assert.Equal(_own, (await HubApiClient.JsonAsync(reach)).GetProperty("warningId").GetString());
        Assert.Equal(HttpStatusCode.OK, asOperator.StatusCode);
    }

    [Fact]
    public async Task Submit_WithoutAKey_Is401ProblemJson_AndStoresNothing()
    {
        using var anonymous = _hub.Client(null);
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");

        using var response = await anonymous.SubmitAsync(LiveWarning.Xml(alert));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Null(await Feeds.FeedHub.Store(_hub).FindAsync(alert.Sender, alert.Identifier, default));
    }

    [Fact]
    public void EveryRoute_EitherRequiresACallerOrSaysItIsAnonymous_AndOnlyTheApiOfAgenciesAndUsersRequiresOne()
    {
        var endpoints = ((IEndpointRouteBuilder)_hub.App).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();

        var unsaid = endpoints.Where(e => !e.Metadata.OfType<IAuthorizeData>().Any() && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText).ToList();
        var protectedRoutes = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Empty(unsaid);
        Assert.Equal(["/api/v1/approvals", "/api/v1/drills", "/api/v1/sessions/current", "/api/v1/warnings", "/api/v1/warnings/preview", "/api/v1/warnings/{id}",
            "/api/v1/warnings/{id}/acknowledgements", "/api/v1/warnings/{id}/approve", "/api/v1/warnings/{id}/drill-report", "/api/v1/warnings/{id}/reach", "/api/v1/warnings/{id}/reject",
            "/api/v1/warnings/{id}/unreached"], protectedRoutes);
        // The routes that keep their own signatures stay open to callers without a key.
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == "/api/v1/callbacks/wechat/{account}" && e.Metadata.GetMetadata<IAllowAnonymous>() is not null);
        Assert.Contains(endpoints, e => e.RoutePattern.RawText!.StartsWith("/b/", StringComparison.Ordinal) && e.Metadata.GetMetadata<IAllowAnonymous>() is not null);
    }
}
