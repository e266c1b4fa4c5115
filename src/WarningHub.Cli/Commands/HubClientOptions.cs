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

    /// <summary>True, after saying so on standard error, when the hub refused the key (401).</summary>
    public static async Task<bool> KeyRefusedAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.StatusCode != System.Net.HttpStatusCode.Unauthorized) return false;
        await Console.Error.WriteLineAsync("The hub wants an agency's key (401): give it with --api-key or WARNINGHUB_API_KEY. It sends X-Api-Key.");
        return true;
    }

    public static HttpClient Client(string url, string? apiKey = null)
    {
        var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        if (!string.IsNullOrEmpty(apiKey)) http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return http;
    }
}
