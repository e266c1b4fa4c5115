using System.CommandLine;

namespace WarningHub.Cli.Commands;

/// <summary>Options shared by the commands that talk to a running hub.</summary>
internal static class HubClientOptions
{
    public static Option<string> Url() => new("--url")
    {
        Description = "Address of the hub (also WARNINGHUB_URL).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("WARNINGHUB_URL") ?? WarningHub.Server.HubHost.DefaultUrls,
    };

    public static Option<string?> ApiKey() => new("--api-key")
    {
        Description = "The agency's API key (also WARNINGHUB_API_KEY).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("WARNINGHUB_API_KEY"),
    };

    public static HttpClient Client(string url, string? apiKey = null)
    {
        var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        if (!string.IsNullOrEmpty(apiKey)) http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return http;
    }
}
