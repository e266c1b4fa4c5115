using System.CommandLine;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace WarningHub.Cli.Commands;

/// <summary>
/// `warninghub pending`, `warninghub approve ID --user NAME` and `warninghub reject ID --user NAME --reason TEXT`,
/// against a running hub. The user signs in with the password from WARNINGHUB_PASSWORD or standard input, acts,
/// and signs out; the hub applies the two-person rule, whatever the path.
/// </summary>
internal static class ApprovalCommands
{
    public static Command Pending()
    {
        var user = new Option<string?>("--user") { Description = "Sign in as this user (password from WARNINGHUB_PASSWORD or stdin); without it, the --api-key of the county's operators." };
        var json = new Option<bool>("--json") { Description = "Print the hub's JSON answer." };
        var url = HubClientOptions.Url();
        var key = HubClientOptions.ApiKey();
        var command = new Command("pending", "List warnings waiting for approval.") { user, json, url, key };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var http = HubClientOptions.Client(parse.GetValue(url)!, parse.GetValue(user) is null ? parse.GetValue(key) : null);
            return await AsUserAsync(http, parse.GetValue(user), async () =>
            {
                using var response = await http.GetAsync(new Uri("/api/v1/approvals", UriKind.Relative), cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (!response.IsSuccessStatusCode) return await RefusedAsync(response, body);
                if (parse.GetValue(json))
                {
                    Console.WriteLine(body);
                    return 0;
                }
                var table = new Table().AddColumns("Id", "Agency", "Level", "Status", "Headline", "Approvals", "Deadline (UTC+8)");
                foreach (var w in JsonDocument.Parse(body).RootElement.EnumerateArray())
                {
                    var a = w.GetProperty("approval");
                    var deadline = a.TryGetProperty("deadline", out var d) && d.ValueKind == JsonValueKind.String ? d.GetDateTimeOffset().ToOffset(TimeSpan.FromHours(8)).ToString("MM-dd HH:mm") : "";
                    table.AddRow(w.GetProperty("id").GetString()!, Markup.Escape(w.GetProperty("submittedBy").GetString()!), w.GetProperty("level").GetString()!,
                        w.GetProperty("status").GetString()!, Markup.Escape(w.GetProperty("headline").GetString()!),
                        $"{a.GetProperty("approvals").GetInt32()} of {a.GetProperty("required").GetInt32()}", deadline);
                }
                AnsiConsole.Write(table);
                return 0;
            }, cancellationToken);
        });
        return command;
    }

    public static Command Approve()
    {
        var id = new Argument<string>("id") { Description = "The warning waiting for approval." };
        var user = new Option<string>("--user") { Description = "The approver (签发人); password from WARNINGHUB_PASSWORD or stdin.", Required = true };
        var url = HubClientOptions.Url();
        var command = new Command("approve", "Approve a warning; it is released once enough distinct approvers have.") { id, user, url };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var http = HubClientOptions.Client(parse.GetValue(url)!);
            return await AsUserAsync(http, parse.GetValue(user), () => DecideAsync(http, parse.GetValue(id)!, "approve", null, cancellationToken), cancellationToken);
        });
        return command;
    }

    public static Command Reject()
    {
        var id = new Argument<string>("id") { Description = "The warning waiting for approval." };
        var user = new Option<string>("--user") { Description = "The approver (签发人); password from WARNINGHUB_PASSWORD or stdin.", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why it is rejected (told to the agency).", Required = true };
        var url = HubClientOptions.Url();
        var command = new Command("reject", "Reject a warning with a reason; nothing is sent.") { id, user, reason, url };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var http = HubClientOptions.Client(parse.GetValue(url)!);
            return await AsUserAsync(http, parse.GetValue(user), () =>
                DecideAsync(http, parse.GetValue(id)!, "reject", new { reason = parse.GetValue(reason) }, cancellationToken), cancellationToken);
        });
        return command;
    }

    private static async Task<int> DecideAsync(HttpClient http, string id, string decision, object? body, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri($"/api/v1/warnings/{Uri.EscapeDataString(id)}/{decision}", UriKind.Relative), body ?? new { }, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode) return await RefusedAsync(response, text);
        var answer = JsonDocument.Parse(text).RootElement;
        var approval = answer.GetProperty("approval");
        Console.WriteLine($"{id}: {answer.GetProperty("outcome").GetString()}; state {answer.GetProperty("state").GetString()}; "
            + $"{approval.GetProperty("approvals").GetInt32()} of {approval.GetProperty("required").GetInt32()} distinct approvers.");
        return 0;
    }

    /// <summary>Signs in as <paramref name="user"/> (when given), runs <paramref name="act"/>, signs out.</summary>
    internal static async Task<int> AsUserAsync(HttpClient http, string? user, Func<Task<int>> act, CancellationToken cancellationToken)
    {
        if (user is null) return await act();
        var password = Environment.GetEnvironmentVariable("WARNINGHUB_PASSWORD") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : await Console.In.ReadLineAsync(cancellationToken);
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync($"No password for {user}: set WARNINGHUB_PASSWORD or give it on standard input.");
            return 2;
        }
        using var signIn = await http.PostAsJsonAsync(new Uri("/api/v1/sessions", UriKind.Relative), new { user, password }, cancellationToken);
        var body = await signIn.Content.ReadAsStringAsync(cancellationToken);
        if (!signIn.IsSuccessStatusCode) return await RefusedAsync(signIn, body);
        var token = JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        try
        {
            return await act();
        }
        finally
        {
            using var signOut = await http.DeleteAsync(new Uri("/api/v1/sessions/current", UriKind.Relative), CancellationToken.None);
        }
    }

    internal static async Task<int> RefusedAsync(HttpResponseMessage response, string body)
    {
        var detail = body;
        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            detail = problem.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : problem.GetProperty("title").GetString()!;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            // Not a problem document: show the body as it came.
        }
        await Console.Error.WriteLineAsync($"{(int)response.StatusCode} {response.ReasonPhrase}: {detail}");
        return 1;
    }
}
