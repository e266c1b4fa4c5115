using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WarningHub.Core.Cap;
using WarningHub.Core.Registry;
using WarningHub.Server;
using WarningHub.Storage.Sqlite;
using WarningHub.Testing;

namespace WarningHub.EndToEnd.Tests.Approval;

/// <summary>
/// The shipped config/warninghub.json, as a new county would run it: red Actual waits for two approvers, yellow Actual
/// for one, an exercise goes at once, and the weather bureau's key sends only weather events.
/// </summary>
public sealed class ShippedPolicyTests
{
    private const string WeatherKey = "replace-me-weather-0000000000000000";

    [Fact]
    public async Task TheShippedSettings_HoldRedAndUnreadableActualForTwoApprovers_YellowForOne_ExercisesForNone_AndScopeTheWeatherBureau()
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-shipped-");
        var app = HubHost.Build([], configFile: Path.Combine(Repo.Root, "config", "warninghub.json"), overrides: new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{LoopbackPort.Free().ToString(CultureInfo.InvariantCulture)}",
            ["WarningHub:Hub:DatabasePath"] = Path.Combine(folder.FullName, "hub.db"),
        }, configure: b => b.Logging.SetMinimumLevel(LogLevel.Critical));
        try
        {
            var registry = new CountyGenerator(new CountyGeneratorOptions { PersonCount = 100, Seed = 3 }).Generate(RegistryCsv.LoadCounty(Repo.SampleCounty));
            await app.Services.GetRequiredService<SqliteRegistryStore>().SaveAsync(registry, default);
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var weather = new HubApiClient(new Uri(address), WeatherKey);

            var red = LiveWarning.Sample("red-rainstorm.cap.xml");
            Assert.Equal((2, "PendingApproval"), await SubmitAsync(weather, red));
            Assert.Equal((1, "PendingApproval"), await SubmitAsync(weather, WithLevel(red with { Identifier = red.Identifier + "-yellow" }, "黄色")));
            Assert.Equal((0, "Accepted"), await SubmitAsync(weather, red with { Identifier = red.Identifier + "-exercise", Status = CapStatus.Exercise }));
            // No level to read (severity Unknown, no 预警级别): it might be red, so it waits for two as well.
            var unknown = red with
            {
                Identifier = red.Identifier + "-unknown",
                Infos = [.. red.Infos.Select(i => i with { Severity = CapSeverity.Unknown, Parameters = [.. i.Parameters.Where(p => p.ValueName is not ("预警级别" or "warningLevel"))] })],
            };
            Assert.Equal((2, "PendingApproval"), await SubmitAsync(weather, unknown));

            var flood = red with { Identifier = red.Identifier + "-flood", Infos = [.. red.Infos.Select(i => i with { Event = "山洪" })] };
            using var refused = await weather.SubmitAsync(LiveWarning.Xml(flood));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("info[0].event", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            SqliteConnection.ClearAllPools();
            try { folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private static async Task<(int Approvers, string State)> SubmitAsync(HubApiClient client, CapAlert alert)
    {
        using var response = await client.SubmitAsync(LiveWarning.Xml(alert));
        var body = await ApprovalHub.BodyAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body.ToString());
        return (body.GetProperty("approversRequired").GetInt32(), body.GetProperty("state").GetString()!);
    }

    private static CapAlert WithLevel(CapAlert alert, string colour) => alert with
    {
        Infos = [.. alert.Infos.Select(i => i with
        {
            Parameters = [.. i.Parameters.Select(p => p.ValueName == "预警级别" ? p with { Value = colour } : p)],
        })],
    };
}
