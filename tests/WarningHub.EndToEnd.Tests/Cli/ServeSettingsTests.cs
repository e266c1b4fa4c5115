namespace WarningHub.EndToEnd.Tests.Cli;

/// <summary>
/// `serve` with bad settings names every error before it stops, not only the first, also several inside one section
/// (issue 9: the binder stopped at the first refused key of a section, so an operator fixed one error per start).
/// </summary>
public sealed class ServeSettingsTests
{
    [Fact]
    public async Task Serve_WithSeveralErrorsInOneSectionAndOthersElsewhere_ListsEveryOne_AndStartsNothing()
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-settings-");
        try
        {
            var config = Path.Combine(folder.FullName, "warninghub.json");
            var database = Path.Combine(folder.FullName, "hub.db");
            await File.WriteAllTextAsync(config, $$"""
                {
                  "WarningHub": {
                    "Hub": {
                      "DatabasePath": "{{database.Replace("\\", "\\\\", StringComparison.Ordinal)}}",
                      "Agencies": [ { "Name": "weather", "ApiKey": "settings-test-key-0123456789" } ]
                    },
                    "Engine": {
                      "LinkSecret": "short",
                      "ReceiptWindows": { "pager": "00:10:00" }
                    },
                    "Sms": {
                      "Smpp": {
                        "county": {
                          "Host": "127.0.0.1",
                          "Port": "not-a-port",
                          "SystemId": "warninghub",
                          "Password": "secret",
                          "Binds": "two",
                          "Windw": 16,
                          "ResponseTimeout": "soon"
                        }
                      }
                    }
                  }
                }
                """);

            var run = await CliProcess.RunAsync(folder.FullName, "serve", "--config", config, "--urls", "http://127.0.0.1:0");

            Assert.True(run.ExitCode == 2, run.ToString());
            var smpp = "WarningHub:Sms:Smpp:county: ";
            Assert.Contains($"{smpp}Port: 'not-a-port' is not a valid whole number", run.Error, StringComparison.Ordinal);
            Assert.Contains($"{smpp}Binds: 'two' is not a valid whole number", run.Error, StringComparison.Ordinal);
            Assert.Contains($"{smpp}Windw: unknown setting", run.Error, StringComparison.Ordinal);
            Assert.Contains($"{smpp}ResponseTimeout: 'soon' is not a valid duration", run.Error, StringComparison.Ordinal);
            Assert.Contains("WarningHub:Engine: LinkSecret must be at least 16 characters", run.Error, StringComparison.Ordinal);
            Assert.Contains("WarningHub:Engine: ReceiptWindows: 'pager' is not a channel", run.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(database), "a refused start must not create the database");
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
        }
    }

    /// <summary>
    /// Issue 9, item 6: when the binder refused a section (a value that does not convert), that section's validator
    /// never ran, so a missing SystemId beside <c>Port: "x"</c> was named only at the next start.
    /// </summary>
    [Fact]
    public async Task Serve_WithABadValueAMissingRequiredKeyAndAMisspeltKeyInOneSection_NamesAllThreeInOneStart()
    {
        var folder = Directory.CreateTempSubdirectory("warninghub-settings-");
        try
        {
            var config = Path.Combine(folder.FullName, "warninghub.json");
            var database = Path.Combine(folder.FullName, "hub.db");
            await File.WriteAllTextAsync(config, $$"""
                {
                  "WarningHub": {
                    "Hub": {
                      "DatabasePath": "{{database.Replace("\\", "\\\\", StringComparison.Ordinal)}}",
                      "Agencies": [ { "Name": "weather", "ApiKey": "settings-test-key-0123456789" } ]
                    },
                    "Sms": {
                      "Smpp": {
                        "county": {
                          "Host": "127.0.0.1",
                          "Port": "x",
                          "Pasword": "secret"
                        }
                      }
                    }
                  }
                }
                """);

            var run = await CliProcess.RunAsync(folder.FullName, "serve", "--config", config, "--urls", "http://127.0.0.1:0");

            Assert.True(run.ExitCode == 2, run.ToString());
            var smpp = "WarningHub:Sms:Smpp:county: ";
            Assert.Contains($"{smpp}Port: 'x' is not a valid whole number", run.Error, StringComparison.Ordinal);
            Assert.Contains($"{smpp}Pasword: unknown setting", run.Error, StringComparison.Ordinal);
            Assert.Contains($"{smpp}SMPP gateway 'county': SystemId is required.", run.Error, StringComparison.Ordinal);
            Assert.False(File.Exists(database), "a refused start must not create the database");
        }
        finally
        {
            try { folder.Delete(recursive: true); } catch (IOException) { /* best effort */ }
        }
    }
}
