using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace WarningHub.EndToEnd.Tests.DoorToDoor;

/// <summary>Reach to households and persons, the unreached list as JSON, CSV and .xlsx, and a cadre's mark through the signed page.</summary>
public sealed class UnreachedApiTests(DoorToDoorHub fixture) : IClassFixture<DoorToDoorHub>
{
    [Fact]
    public async Task Reach_CountsHouseholdsAndPersons_WithTheSplit_AndSaysWhichEvidenceCounted()
    {
        var reach = await fixture.Hub.ReachAsync(fixture.Warning);

        var county = reach.GetProperty("county");
        var persons = county.GetProperty("persons");
        Assert.Equal(600, persons.GetProperty("targeted").GetInt32());
        Assert.Equal(persons.GetProperty("targeted").GetInt32(), persons.GetProperty("reached").GetInt32() + persons.GetProperty("unaccounted").GetInt32());
        Assert.InRange(persons.GetProperty("unaccounted").GetInt32(), county.GetProperty("withoutPhone").GetInt32() + 1, 599);
        Assert.True(county.GetProperty("households").GetProperty("targeted").GetInt32() > 100);
        Assert.Equal(reach.GetProperty("villages").GetArrayLength(), county.GetProperty("villages").GetProperty("targeted").GetInt32());
        // Half the persons reached (or not yet, with a third of the SMS parts undelivered): the median time is there exactly then.
        var halfReached = persons.GetProperty("reached").GetInt32() * 2 >= persons.GetProperty("targeted").GetInt32();
        Assert.Equal(halfReached ? JsonValueKind.Number : JsonValueKind.Null, county.GetProperty("timeToReachMs").GetProperty("p50").ValueKind);
        Assert.Equal(JsonValueKind.Null, county.GetProperty("timeToReachMs").GetProperty("p95").ValueKind);
        Assert.Contains(reach.GetProperty("evidence").EnumerateArray(), e => e.GetString()!.StartsWith("sms:", StringComparison.Ordinal));
        // Today's keys stay.
        Assert.True(county.GetProperty("delivered").GetInt32() > 0);
    }

    [Fact]
    public async Task Unreached_OfAVillage_GivesHeadAddressPhoneAndWhy_InJsonCsvAndXlsx()
    {
        var list = await fixture.UnreachedAsync();
        var items = list.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.Equal(items.Count, list.GetProperty("households").GetInt32());
        Assert.All(items, h =>
        {
            Assert.Equal(fixture.Village, h.GetProperty("village").GetString());
            Assert.False(string.IsNullOrEmpty(h.GetProperty("head").GetString()));
            Assert.Contains("组", h.GetProperty("address").GetString(), StringComparison.Ordinal);
            Assert.All(h.GetProperty("persons").EnumerateArray(), p => Assert.Contains(p.GetProperty("reasons").EnumerateArray(),
                r => r.GetString() is "noPhone" or "smsFailed"));
        });
        var persons = items.Sum(h => h.GetProperty("persons").GetArrayLength());

        var csv = await fixture.Hub.Http.GetByteArrayAsync(new Uri($"/api/v1/warnings/{fixture.Warning}/unreached?village={fixture.Village}&format=csv", UriKind.Relative));
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("村代码,村,户编号,户主,地址,联系电话", lines[0], StringComparison.Ordinal);
        Assert.Equal(persons + 1, lines.Length);

        using var xlsx = await fixture.Hub.Http.GetAsync(new Uri($"/api/v1/warnings/{fixture.Warning}/unreached?village={fixture.Village}&format=xlsx", UriKind.Relative));
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var rows = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<Row>().ToList();
        Assert.Equal(persons + 1, rows.Count);
        Assert.Equal("户主", rows[0].Elements<Cell>().ElementAt(3).InnerText);
        Assert.Equal(items[0].GetProperty("head").GetString(), rows[1].Elements<Cell>().ElementAt(3).InnerText);
    }

    [Fact]
    public async Task Unreached_OfEveryVillage_AddsUpToTheCountysUnaccounted()
    {
        using var response = await fixture.Hub.Http.GetAsync(new Uri($"/api/v1/warnings/{fixture.Warning}/unreached", UriKind.Relative));
        var all = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var reach = await fixture.Hub.ReachAsync(fixture.Warning);

        Assert.Equal(reach.GetProperty("county").GetProperty("persons").GetProperty("unaccounted").GetInt32(), all.GetProperty("persons").GetInt32());
        Assert.Equal(JsonValueKind.Null, all.GetProperty("village").ValueKind);
    }

    [Theory]
    [InlineData("village=51112410", "village")]
    [InlineData("village=511124999999", "village")]
    [InlineData("format=pdf", "format")]
    public async Task Unreached_WithABadQuery_Is400NamingTheField(string query, string field)
    {
        using var response = await fixture.Hub.Http.GetAsync(new Uri($"/api/v1/warnings/{fixture.Warning}/unreached?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(field, problem.GetProperty("errors")[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Unreached_IsReadLikeTheWarning_NoKeyIs401_AnotherAgencyGets404()
    {
        using var anonymous = fixture.Hub.Client(null);
        using var other = fixture.Hub.Client(TestHub.OtherAgencyKey);
        var path = new Uri($"/api/v1/warnings/{fixture.Warning}/unreached", UriKind.Relative);

        using var none = await anonymous.Http.GetAsync(path);
        using var foreign = await other.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
    }

    [Fact]
    public async Task CadreMark_Posted_TakesTheHouseholdOffTheList_AndCountsItsPersonsAsReachedByOfficer()
    {
        var before = await fixture.UnreachedAsync();
        var household = before.GetProperty("items").EnumerateArray().Last();
        var id = household.GetProperty("household").GetInt64();
        var reachBefore = (await fixture.Hub.ReachAsync(fixture.Warning)).GetProperty("county").GetProperty("persons").GetProperty("byOfficer").GetInt32();
        using var phone = Phone();

        using var marked = await MarkAsync(phone, fixture.LinkOf(fixture.Cadre.Id), id, "evacuated");

        Assert.Equal(HttpStatusCode.SeeOther, marked.StatusCode);
        var after = await fixture.UnreachedAsync();
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), h => h.GetProperty("household").GetInt64() == id);
        Assert.Equal(before.GetProperty("households").GetInt32() - 1, after.GetProperty("households").GetInt32());
        var persons = (await fixture.Hub.ReachAsync(fixture.Warning)).GetProperty("county").GetProperty("persons");
        Assert.True(persons.GetProperty("byOfficer").GetInt32() >= reachBefore + household.GetProperty("persons").GetArrayLength());
        Assert.True(persons.GetProperty("evacuated").GetInt32() > 0);
    }

    [Fact]
    public async Task CadreLink_Altered_Is404_AndABadMarkChangesNothing()
    {
        using var phone = Phone();
        var link = fixture.LinkOf(fixture.Cadre.Id);
        var before = await fixture.UnreachedAsync();
        var id = before.GetProperty("items")[0].GetProperty("household").GetInt64();

        using var altered = await phone.GetAsync(new Uri(link[..^1] + (link[^1] == 'a' ? 'b' : 'a'), UriKind.Relative));
        using var otherCadre = await phone.GetAsync(new Uri(link.Replace($"/{fixture.Cadre.Id}/", $"/{fixture.SecondCadreId}/", StringComparison.Ordinal), UriKind.Relative));
        using var badKind = await MarkAsync(phone, link, id, "gone");
        using var badHousehold = await MarkAsync(phone, link, 99_999_999, "toldInPerson");

        Assert.Equal(HttpStatusCode.NotFound, altered.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, otherCadre.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badHousehold.StatusCode);
        Assert.Contains((await fixture.UnreachedAsync()).GetProperty("items").EnumerateArray(), h => h.GetProperty("household").GetInt64() == id);
    }

    [Fact]
    public async Task CadrePage_IsSmallSelfContainedChinese_AndFitsAPhone()
    {
        using var phone = fixture.Hub.Client(null);
        using var page = await phone.Http.GetAsync(new Uri(fixture.LinkOf(fixture.Cadre.Id), UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.InRange(Encoding.UTF8.GetByteCount(html), 1, 100 * 1024);
        Assert.Contains("lang=\"zh-CN\"", html, StringComparison.Ordinal);
        Assert.Contains("width=device-width", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("已当面通知", html, StringComparison.Ordinal);
    }

    /// <summary>A phone's browser, without a key; redirects are left to the test to see.</summary>
    private HttpClient Phone() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Hub.Http.BaseAddress };

    private static Task<HttpResponseMessage> MarkAsync(HttpClient http, string link, long household, string kind) =>
        http.PostAsync(new Uri(link + "/mark", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["h"] = $"{household}", ["k"] = kind }));
}
