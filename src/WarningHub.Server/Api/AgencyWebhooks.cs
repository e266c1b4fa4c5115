using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WarningHub.Core.Audit;
using WarningHub.Core.Warnings;
using WarningHub.Server.Configuration;

namespace WarningHub.Server.Api;

/// <summary>
/// Tells an agency with a <see cref="AgencyOptions.Webhook"/> of every state change of its warnings. The audit is the
/// source: every change is an audit row, so the webhook follows the chain and posts each
/// warning row (submit, approve, approved, reject, release, cancel, supersede, expire) as JSON, signed:
/// <c>X-WarningHub-Timestamp</c> (Unix seconds) and <c>X-WarningHub-Signature: sha256=</c> HMAC-SHA256 of
/// "timestamp.body" with the agency's secret. Where it stopped is kept (<see cref="IAuditCursors"/>), so a restart
/// resumes after the last row handled: nothing is lost across a restart, and a row whose post was cut off by the stop is
/// posted again (at least once; <c>auditSeq</c> tells repeats apart). A post that fails three times is logged and skipped.
/// </summary>
public sealed partial class AgencyWebhooks(
    IAuditTrail audit, IAuditCursors cursors, IWarningStore warnings, IOptionsMonitor<HubOptions> options, TimeProvider time, ILogger<AgencyWebhooks> logger)
    : BackgroundService
{
    public const string SignatureHeader = "X-WarningHub-Signature";
    public const string TimestampHeader = "X-WarningHub-Timestamp";
    private const string Cursor = "agency-webhooks";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private static readonly HashSet<string> StateChanges = [AuditActions.Submit, AuditActions.Approve, AuditActions.Approved, AuditActions.Reject,
        AuditActions.Release, AuditActions.Cancel, AuditActions.Supersede, AuditActions.Expire];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.Agencies.Any(a => a.Webhook is not null)) return;
        // The first run starts at the head: the webhook reports what happens from now, not the hub's whole history.
        var head = await cursors.GetCursorAsync(Cursor, stoppingToken) ?? (await audit.HeadAsync(stoppingToken))?.Seq ?? 0;
        using var timer = new PeriodicTimer(Poll, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var row in await audit.ReadAfterAsync(head, 500, stoppingToken))
                {
                    if (StateChanges.Contains(row.Action)) await DeliverAsync(row, stoppingToken);
                    head = row.Seq;
                    await cursors.SetCursorAsync(Cursor, head, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task DeliverAsync(AuditRecord row, CancellationToken cancellationToken)
    {
        if (await warnings.GetAsync(row.Subject, cancellationToken) is not { } warning) return;
        if (options.CurrentValue.Agencies.FirstOrDefault(a => a.Name == warning.SubmittedBy)?.Webhook is not { } hook) return;
        var body = JsonSerializer.Serialize(new
        {
            id = warning.PublicId,
            sender = warning.Sender,
            identifier = warning.Identifier,
            @event = row.Action,
            state = warning.State.ToString(),
            by = row.Actor,
            detail = row.Detail,
            at = row.At,
            auditSeq = row.Seq,
        });
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var stamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new StringContent(body, Encoding.UTF8) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Add(TimestampHeader, stamp);
            request.Headers.Add(SignatureHeader, "sha256=" + Sign(hook.Secret, stamp, body));
            try
            {
                using var response = await _http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode) return;
                LogFailed(warning.SubmittedBy, row.Seq, attempt, $"HTTP {(int)response.StatusCode}");
            }
            catch (HttpRequestException ex)
            {
                LogFailed(warning.SubmittedBy, row.Seq, attempt, ex.Message);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                LogFailed(warning.SubmittedBy, row.Seq, attempt, "timed out");
            }
            await Task.Delay(TimeSpan.FromSeconds(attempt), time, cancellationToken);
        }
    }

    /// <summary>The signature an agency recomputes: lower-case hex HMAC-SHA256 of "timestamp.body".</summary>
    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Webhook of agency {Agency} failed for audit row {Seq} (try {Attempt} of 3): {Problem}")]
    private partial void LogFailed(string agency, long seq, int attempt, string problem);

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }
}
