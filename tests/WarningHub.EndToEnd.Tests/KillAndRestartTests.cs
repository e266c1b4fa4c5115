using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using WarningHub.Core.Registry;
using WarningHub.Simulators.Smsc;
using WarningHub.Storage.Sqlite;

namespace WarningHub.EndToEnd.Tests;

/// <summary>
/// The real `warninghub serve` as a child process, killed with SIGKILL in the middle of a fan-out and started again:
/// every slot still ends in exactly one final state, and a phone that got the message twice is counted as possibly duplicated.
/// </summary>
public sealed class KillAndRestartTests
{
    [Fact]
    public async Task Serve_KilledMidFanOut_ResumesFromTheLedgerAndEverySlotEndsFinal()
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-kill-");
        await using var smsc = new SmscSimulator(new SmscSimulatorOptions { RecordMessages = true });
        smsc.Start();
        var registry = new CountyGenerator(new CountyGeneratorOptions { PersonCount = 3000, Seed = 5 }).Generate(RegistryCsv.LoadCounty(Repo.SampleCounty));
        var settings = TestHub.Settings(folder.FullName, smsc.Port, gatewayRate: 300);
        var port = FreePort();
        settings["urls"] = $"http://127.0.0.1:{port}";
        var config = Path.Combine(folder.FullName, "warninghub.json");
        await File.WriteAllTextAsync(config, ToJson(settings));
        await using (var db = new SqliteDatabase(new SqliteOptions { Path = settings["WarningHub:Hub:DatabasePath"]! }))
        {
            await new SqliteRegistryStore(db).SaveAsync(registry, default);
        }
        SqliteConnection.ClearAllPools();

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Add("X-Api-Key", TestHub.ApiKey);
        var first = StartServe(config, folder.FullName, settings["urls"]!);
        string id;
        try
        {
            await WaitHealthyAsync(http);
            var alert = LiveWarning.Sample("red-rainstorm.cap.xml");
            using var response = await http.PostAsync(new Uri("/api/v1/warnings", UriKind.Relative),
                new StringContent(LiveWarning.Xml(alert), System.Text.Encoding.UTF8, "application/cap+xml"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
            await TestHub.WaitForAsync(http, id, w => TestHub.Sms(w, "sent") > 300, TimeSpan.FromSeconds(30));
        }
        finally
        {
            first.Kill(entireProcessTree: true); // SIGKILL: no shutdown code runs
            await first.WaitForExitAsync();
        }
        var submitsBeforeRestart = smsc.Submits;

        var second = StartServe(config, folder.FullName, settings["urls"]!);
        try
        {
            await WaitHealthyAsync(http);
            var final = await TestHub.WaitAllFinalAsync(http, id, TimeSpan.FromSeconds(90));

            var planned = TestHub.Sms(final, "planned");
            var phones = registry.Persons.Where(p => p.Phone is not null).Select(p => p.Phone!).ToHashSet();
            Assert.Equal(phones.Count, planned);
            Assert.Equal(planned, TestHub.Sms(final, "delivered") + TestHub.Sms(final, "failed") + TestHub.Sms(final, "unconfirmed"));
            Assert.True(smsc.Submits > submitsBeforeRestart, "the restarted hub carried on sending");
            var received = smsc.ReceivedMessages.GroupBy(m => m.Destination).ToDictionary(g => g.Key, g => g.Count());
            Assert.True(received.Keys.ToHashSet().SetEquals(phones), "every phone received the warning");
            var twice = received.Count(kv => kv.Value > 1);
            Assert.True(twice <= TestHub.Sms(final, "possiblyDuplicated"),
                $"{twice} phones got the message twice but only {TestHub.Sms(final, "possiblyDuplicated")} slots are marked possibly duplicated");
        }
        finally
        {
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
            SqliteConnection.ClearAllPools();
            try { folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    private static Process StartServe(string config, string workingDirectory, string urls)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Repo.CliDll, "serve", "--config", config, "--urls", urls }) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitHealthyAsync(HttpClient http)
    {
        var up = await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var r = await http.GetAsync(new Uri("/health", UriKind.Relative));
                return r.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false; // not listening yet
            }
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(200));
        Assert.True(up, "the hub did not start within 30 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Flat "A:B:C" keys to nested JSON, arrays for numeric keys.</summary>
    private static string ToJson(Dictionary<string, string?> flat)
    {
        var root = new Dictionary<string, object>();
        foreach (var (key, value) in flat.Where(kv => kv.Key != "urls"))
        {
            var parts = key.Split(':');
            var node = root;
            for (var i = 0; i < parts.Length - 1; i++)
            {
                if (!node.TryGetValue(parts[i], out var child)) node[parts[i]] = child = new Dictionary<string, object>();
                node = (Dictionary<string, object>)child;
            }
            node[parts[^1]] = value!;
        }
        return JsonSerializer.Serialize(Arrays(root));
    }

    private static object Arrays(object node) => node is Dictionary<string, object> d
        ? d.Keys.All(k => int.TryParse(k, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            ? d.OrderBy(kv => int.Parse(kv.Key, CultureInfo.InvariantCulture)).Select(kv => Arrays(kv.Value)).ToList()
            : d.ToDictionary(kv => kv.Key, kv => Arrays(kv.Value))
        : node;
}
