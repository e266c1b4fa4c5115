using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Core.Warnings;

namespace WarningHub.EndToEnd.Tests;

public sealed class BadInputTests : IAsyncLifetime
{
    private TestHub _hub = null!;

    public async Task InitializeAsync() => _hub = await TestHub.StartAsync(persons: 200);

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    public static TheoryData<string, string, HttpStatusCode, string> Cases => new()
    {
        { "<alert xmlns='urn:oasis:names:tc:emergency:cap:1.2'><identifier>x", "application/cap+xml", HttpStatusCode.BadRequest, "(document)" },
        { "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'><!ENTITY lol2 '&lol;&lol;&lol;'>]><alert>&lol2;</alert>", "application/xml", HttpStatusCode.BadRequest, "(document)" },
        { "{\"identifier\": 5}", "application/json", HttpStatusCode.BadRequest, "" },
        { "hello", "text/plain", HttpStatusCode.UnsupportedMediaType, "" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Submit_BadInput_IsAProblemNamingTheFieldAndStoresNothing(string body, string mediaType, HttpStatusCode status, string field)
    {
        using var response = await _hub.SubmitRawAsync(body, mediaType);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        if (field.Length > 0) Assert.Equal(field, problem.GetProperty("errors")[0].GetProperty("field").GetString());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Submit_ExpiredWarning_IsRefusedNamingExpires()
    {
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml", expiresIn: TimeSpan.FromMinutes(-1));

        using var response = await _hub.SubmitAsync(alert);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.Contains(errors.EnumerateArray(), e => e.GetProperty("field").GetString()!.EndsWith("expires", StringComparison.Ordinal));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Submit_AreaOutsideTheCounty_IsRefused()
    {
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
        alert = alert with
        {
            Infos = alert.Infos.Select(i => i with
            {
                Areas = [new WarningHub.Core.Cap.CapArea { AreaDesc = "成都市", Geocodes = [new("行政区划代码", "510100000000")] }],
            }).ToList(),
        };

        using var response = await _hub.SubmitAsync(alert);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("does not cover", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Submit_WithoutOrWithAWrongKey_IsUnauthorized()
    {
        using var anonymous = new HttpClient { BaseAddress = _hub.Http.BaseAddress };
        using var wrong = new HttpClient { BaseAddress = _hub.Http.BaseAddress };
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "not-a-key-of-anyone-here");
        var xml = LiveWarning.Xml(LiveWarning.Sample("red-rainstorm.cap.xml"));

        using var a = await _hub.SubmitRawAsync(xml, "application/cap+xml", anonymous);
        using var b = await _hub.SubmitRawAsync(xml, "application/cap+xml", wrong);

        Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, b.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Submit_AsASenderTheAgencyDoesNotOwn_IsForbidden()
    {
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml") with { Sender = "someone.else@example" };

        using var response = await _hub.SubmitAsync(alert);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Cancel_OfAnUnknownWarning_IsRefused()
    {
        var cancel = LiveWarning.CancelOf(LiveWarning.Sample("red-rainstorm.cap.xml"));

        using var response = await _hub.SubmitAsync(cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("references", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownWarning_Is404Problem()
    {
        using var response = await _hub.Http.GetAsync(new Uri("/api/v1/warnings/W20260101-999999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private async Task AssertNothingStoredAsync()
    {
        var stored = await _hub.App.Services.GetRequiredService<IWarningStore>().ListActiveAsync(default);
        Assert.Empty(stored);
        Assert.Empty(_hub.Smsc.ReceivedMessages);
    }
}
