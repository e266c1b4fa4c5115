using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Core.Cap;
using WarningHub.Core.Warnings;

namespace WarningHub.EndToEnd.Tests;

/// <summary>One hub shared by a class of tests: refused submissions change nothing, accepted ones have their own ids.</summary>
public sealed class CapProfileHub : IAsyncLifetime
{
    internal TestHub Hub { get; private set; } = null!;

    public async Task InitializeAsync() => Hub = await TestHub.StartAsync(persons: 200);

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    internal async Task<HttpResponseMessage> PostAsync(byte[] body, string mediaType, string? contentEncoding = null)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        if (contentEncoding is not null) content.Headers.ContentEncoding.Add(contentEncoding);
        return await Hub.Http.PostAsync(new Uri("/api/v1/warnings", UriKind.Relative), content);
    }

    internal static string Json(CapAlert alert) => CapJsonWriter.ToJson(alert, indent: false);

    internal static CapAlert Sample() => LiveWarning.Sample("red-rainstorm.cap.xml");
}

/// <summary>Inputs from issue 8 that were accepted (and then stuck), refused only by a 500, or silently half-read.</summary>
public sealed class CapProfileRefusalTests(CapProfileHub fixture) : IClassFixture<CapProfileHub>
{
    [Theory]
    [InlineData("99999", "is not a division code")]
    [InlineData("510100000000", "is outside")]
    [InlineData("511124999000", "is no town or village")]
    public async Task Submit_WhenADivisionCodeGeocodeIsBadBesideAGoodOne_Is400NamingThatGeocode(string code, string reason)
    {
        var alert = CapProfileHub.Sample();
        var zh = alert.Infos[0];
        var area = zh.Areas[0] with { Geocodes = [.. zh.Areas[0].Geocodes, new CapNamedValue(CapValueNames.DivisionCode, code)] };
        alert = alert with { Infos = [zh with { Areas = [area] }, alert.Infos[1]] };

        using var response = await fixture.Hub.SubmitAsync(alert);

        await AssertRefusedAsync(response, "info[0].area[0].geocode[1]", reason);
    }

    [Fact]
    public async Task Submit_WhenIdentifierHas900000Characters_Is400NamingTheIdentifier()
    {
        using var response = await fixture.Hub.SubmitAsync(CapProfileHub.Sample() with { Identifier = new string('i', 900_000) });

        await AssertRefusedAsync(response, "identifier", "at most 256");
    }

    [Fact]
    public async Task Submit_WhenHeadlineHas900000Characters_Is400NamingTheHeadline()
    {
        var alert = CapProfileHub.Sample();
        alert = alert with { Infos = [alert.Infos[0] with { Headline = new string('h', 900_000) }, alert.Infos[1]] };

        using var response = await fixture.Hub.SubmitAsync(alert);

        await AssertRefusedAsync(response, "info[0].headline", "at most 160");
    }

    [Fact]
    public async Task Submit_WhenXmlDescriptionHolds400000GreaterThanSigns_Is400NamingTheDescriptionNot202AndStuck()
    {
        var xml = LiveWarning.Xml(CapProfileHub.Sample());
        xml = new Regex("<description>[^<]*</description>").Replace(xml, "<description>" + new string('>', 400_000) + "</description>", 1);
        Assert.InRange(Encoding.UTF8.GetByteCount(xml), 400_000, 410_000);

        using var response = await fixture.Hub.SubmitRawAsync(xml, "application/cap+xml");

        await AssertRefusedAsync(response, "info[0].description", "at most 8,000");
    }

    [Fact]
    public async Task Submit_WhenJsonOf300KilobytesHasLessThanSignsInItsText_Is400NamingTheFieldNot202AndStuck()
    {
        var alert = CapProfileHub.Sample();
        alert = alert with { Infos = [alert.Infos[0] with { Description = new string('<', 300_000) }, alert.Infos[1]] };
        var json = CapProfileHub.Json(alert);
        Assert.InRange(Encoding.UTF8.GetByteCount(json), 300_000, 310_000);

        using var response = await fixture.Hub.SubmitRawAsync(json, "application/json");

        await AssertRefusedAsync(response, "info[0].description", "at most 8,000");
    }

    [Theory]
    [InlineData("\\ud800")]
    [InlineData("ok \\udfff ok")]
    public async Task Submit_WhenJsonTextHoldsALoneSurrogateEscape_Is400NamingTheField(string escaped)
    {
        var json = CapProfileHub.Json(CapProfileHub.Sample()).Replace("井研县气象台发布暴雨红色预警信号\"", escaped + "\"", StringComparison.Ordinal);

        using var response = await fixture.Hub.SubmitRawAsync(json, "application/json");

        await AssertRefusedAsync(response, "info[0].headline", "lone surrogate");
    }

    [Fact]
    public async Task Submit_WhenJsonTextHoldsInvalidUtf8_Is400NamingTheField()
    {
        var json = CapProfileHub.Json(CapProfileHub.Sample()).Replace("井研县气象台发布暴雨红色预警信号\"", "@@\"", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(json);
        var at = json.IndexOf("@@\"", StringComparison.Ordinal);
        at = Encoding.UTF8.GetByteCount(json[..at]);
        bytes[at] = 0xFF;
        bytes[at + 1] = 0xFE;

        using var response = await fixture.PostAsync(bytes, "application/json");

        await AssertRefusedAsync(response, "info[0].headline", "not UTF-8");
    }

    [Fact]
    public async Task Submit_WithAContentEncoding_Is415AndStoresNothing()
    {
        using var gzipped = new MemoryStream();
        await using (var gzip = new GZipStream(gzipped, CompressionLevel.Fastest, leaveOpen: true))
        {
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(LiveWarning.Xml(CapProfileHub.Sample())));
        }

        using var response = await fixture.PostAsync(gzipped.ToArray(), "application/cap+xml", "gzip");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Content-Encoding", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        await AssertNothingStoredAsync();
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, string field, string reason)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("field").GetString() == field && e.GetProperty("reason").GetString()!.Contains(reason, StringComparison.Ordinal));
        Assert.True(body.Length < 10_000, $"the answer repeats the input: {body.Length} characters");
        await AssertNothingStoredAsync();
    }

    private async Task AssertNothingStoredAsync()
    {
        Assert.Empty(await fixture.Hub.App.Services.GetRequiredService<IWarningStore>().ListActiveAsync(default));
        Assert.Empty(fixture.Hub.Smsc.ReceivedMessages);
    }
}

/// <summary>Warnings the CAP profile must take and release, not refuse or leave in Releasing.</summary>
public sealed class CapProfileAcceptanceTests(CapProfileHub fixture) : IClassFixture<CapProfileHub>
{
    [Fact]
    public async Task Submit_BilingualWarningWhoseEnglishInfoHasOnlyAnAreaDesc_IsReleasedToTheCounty()
    {
        var alert = CapProfileHub.Sample();
        var (zh, en) = (alert.Infos[0], alert.Infos[1]);
        var located = zh.Areas[0] with { Geocodes = [.. zh.Areas[0].Geocodes, new CapNamedValue("EMMA_ID", "CN99999")] };
        alert = alert with { Infos = [zh with { Areas = [located] }, en with { Areas = [new CapArea { AreaDesc = "All of Jingyan County" }] }] };

        var id = await fixture.Hub.SubmitAcceptedAsync(alert);
        var warning = await fixture.Hub.WaitAllFinalAsync(id);

        Assert.Equal(Phones(), TestHub.Sms(warning, "planned"));
    }

    [Fact]
    public async Task Submit_JsonWithAUtf8ByteOrderMark_IsAccepted()
    {
        var json = Encoding.UTF8.GetBytes(CapProfileHub.Json(CapProfileHub.Sample()));

        using var response = await fixture.PostAsync([0xEF, 0xBB, 0xBF, .. json], "application/json");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Submit_WhenStoredXmlGrowsPastTheInputLimitThroughEscaping_IsStillReleased()
    {
        var alert = CapProfileHub.Sample();
        var words = Enumerable.Range(0, 400).Select(i => new CapArea { AreaDesc = i + new string('<', CapLimits.AreaDesc - 3) });
        alert = alert with { Infos = [alert.Infos[0], alert.Infos[1] with { Areas = [.. words] }] };
        var json = CapProfileHub.Json(alert);
        Assert.True(Encoding.UTF8.GetByteCount(json) < CapReadOptions.Default.MaxDocumentLength);
        Assert.True(LiveWarning.Xml(alert).Length > CapReadOptions.Default.MaxDocumentLength);

        using var response = await fixture.Hub.SubmitRawAsync(json, "application/json");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        var warning = await fixture.Hub.WaitAllFinalAsync(id);

        Assert.Equal(Phones(), TestHub.Sms(warning, "planned"));
    }

    private int Phones() => fixture.Hub.Registry.Persons.Where(p => p.Phone is not null).Select(p => p.Phone).Distinct().Count();
}
