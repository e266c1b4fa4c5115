using Microsoft.Extensions.Options;
using WarningHub.Core.Templates.Text;

namespace WarningHub.Engine;

/// <summary>How the engine plans, sends and retries.</summary>
public sealed class EngineOptions
{
    /// <summary>Slots per shard (one background job each); never below 1,000 so 400k recipients stay ~400 jobs.</summary>
    public int ShardSize { get; set; } = 1000;

    /// <summary>Slots a shard job claims at a time. Bounds how many slots a crash leaves with an unknown outcome.</summary>
    public int ClaimBatch { get; set; } = 1000;

    /// <summary>How often the release outbox looks for warnings whose release has not finished.</summary>
    public TimeSpan ReleaseSweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Tries of one warning's release before it is marked Failed (each after a longer pause).</summary>
    public int MaxReleaseAttempts { get; set; } = 5;

    /// <summary>Attempts per slot before it fails for good. A gateway outage spends none.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First retry delay; doubles per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest retry delay.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a sent message waits for its receipt before it counts as Unconfirmed (channels without their own window).</summary>
    public TimeSpan ReceiptWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The receipt window of a ledger channel (sms, broadcaster, wechat, wecom, tv, loudspeakerIp, loudspeakerSerial)
    /// where it differs from <see cref="ReceiptWindow"/>: an SMSC's reports can take many minutes, a loudspeaker's play
    /// report comes within seconds of the bulletin's end or not at all.
    /// </summary>
    public Dictionary<string, TimeSpan> ReceiptWindows { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The receipt window of <paramref name="channel"/>.</summary>
    public TimeSpan ReceiptWindowOf(string channel) => ReceiptWindows.TryGetValue(channel, out var window) ? window : ReceiptWindow;

    /// <summary>
    /// How long after a send a missing receipt is asked for, from gateways that can be asked (SMPP query_sm): a
    /// receipt lost with a dropped link is found before the receipt window closes.
    /// </summary>
    public TimeSpan ReceiptQueryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Most receipt queries per gateway per sweep.</summary>
    public int ReceiptQueriesPerSweep { get; set; } = 200;

    /// <summary>How often sent slots are checked against <see cref="ReceiptWindow"/>.</summary>
    public TimeSpan ReceiptSweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a receipt whose message id is not known yet is kept for matching.</summary>
    public TimeSpan UnmatchedReceiptTtl { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Parallel SMS shard jobs (Hangfire workers of the "sms" queue).</summary>
    public int Workers { get; set; } = 4;

    /// <summary>
    /// Parallel shard jobs of the other channels (loudspeakers, WeChat, WeCom, TV), on workers of their own so they
    /// never wait behind a county's SMS fan-out. A loudspeaker shard job holds its worker while bulletins play.
    /// </summary>
    public int EndpointWorkers { get; set; } = 4;

    /// <summary>
    /// How often loudspeaker bulletins are repeated, per level (Red, Orange, Yellow, Blue), until the warning expires
    /// or is cancelled. A level that is absent is broadcast once.
    /// </summary>
    public Dictionary<string, TimeSpan> RepeatEvery { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Red"] = TimeSpan.FromMinutes(15),
        ["Orange"] = TimeSpan.FromMinutes(30),
    };

    /// <summary>The channels a repeat sends again.</summary>
    public List<string> RepeatChannels { get; set; } = ["loudspeakerIp", "loudspeakerSerial"];

    /// <summary>The address broadcasters' phones reach the hub at; links in their SMS start with it.</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:8080";

    /// <summary>Signs broadcasters' links so only the sent link plays and confirms. At least 16 characters; keep it secret.</summary>
    public string LinkSecret { get; set; } = "";

    /// <summary>
    /// A folder whose <c>text.zh-CN.json</c> replaces the built-in texts of SMS, broadcaster SMS and WeCom messages
    /// (config/templates/README.md); unset, the built-in texts are used.
    /// </summary>
    public string? TemplateFolder { get; set; }

    /// <summary>
    /// A release policy file (config/policy.json's form) that replaces the built-in one: per event and level, the
    /// audiences, channels, repeats, 叫应 and door to door. Unset, the built-in policy (config/policy.json as shipped) is used.
    /// </summary>
    public string? PolicyFile { get; set; }

    /// <summary>The SMS signature, in 【】, that operators in China require.</summary>
    public string SmsSignature { get; set; } = "【井研县应急管理局】";
}

/// <summary>Reports every invalid engine setting at start-up.</summary>
public sealed class EngineOptionsValidator : IValidateOptions<EngineOptions>
{
    public ValidateOptionsResult Validate(string? name, EngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ShardSize < 1000) failures.Add($"{nameof(EngineOptions.ShardSize)} must be at least 1000 (was {options.ShardSize}).");
        if (options.ClaimBatch is < 1 or > 10000) failures.Add($"{nameof(EngineOptions.ClaimBatch)} must be 1..10000 (was {options.ClaimBatch}).");
        if (options.ReleaseSweepInterval < TimeSpan.FromMilliseconds(10) || options.ReleaseSweepInterval > TimeSpan.FromMinutes(1))
            failures.Add($"{nameof(EngineOptions.ReleaseSweepInterval)} must be 10 ms..1 min (was {options.ReleaseSweepInterval}).");
        if (options.MaxReleaseAttempts is < 1 or > 100) failures.Add($"{nameof(EngineOptions.MaxReleaseAttempts)} must be 1..100 (was {options.MaxReleaseAttempts}).");
        if (options.MaxAttempts < 1) failures.Add($"{nameof(EngineOptions.MaxAttempts)} must be at least 1 (was {options.MaxAttempts}).");
        if (options.RetryBaseDelay <= TimeSpan.Zero) failures.Add($"{nameof(EngineOptions.RetryBaseDelay)} must be positive.");
        if (options.RetryMaxDelay < options.RetryBaseDelay) failures.Add($"{nameof(EngineOptions.RetryMaxDelay)} must not be below {nameof(EngineOptions.RetryBaseDelay)}.");
        if (options.ReceiptWindow <= TimeSpan.Zero) failures.Add($"{nameof(EngineOptions.ReceiptWindow)} must be positive.");
        foreach (var (channel, window) in options.ReceiptWindows)
        {
            if (!Core.Planning.Channels.All.Contains(channel))
                failures.Add($"{nameof(EngineOptions.ReceiptWindows)}: '{channel}' is not a channel ({string.Join(", ", Core.Planning.Channels.All)}).");
            if (window <= TimeSpan.Zero) failures.Add($"{nameof(EngineOptions.ReceiptWindows)}[{channel}] must be positive (was {window}).");
        }
        if (options.ReceiptSweepInterval < TimeSpan.FromMilliseconds(100)) failures.Add($"{nameof(EngineOptions.ReceiptSweepInterval)} must be at least 100 ms.");
        if (options.ReceiptQueryAfter <= TimeSpan.Zero) failures.Add($"{nameof(EngineOptions.ReceiptQueryAfter)} must be positive.");
        if (options.ReceiptQueriesPerSweep is < 0 or > 100_000) failures.Add($"{nameof(EngineOptions.ReceiptQueriesPerSweep)} must be 0..100000 (was {options.ReceiptQueriesPerSweep}).");
        if (options.UnmatchedReceiptTtl <= TimeSpan.Zero) failures.Add($"{nameof(EngineOptions.UnmatchedReceiptTtl)} must be positive.");
        if (options.Workers is < 1 or > 64) failures.Add($"{nameof(EngineOptions.Workers)} must be 1..64 (was {options.Workers}).");
        if (options.EndpointWorkers is < 1 or > 64) failures.Add($"{nameof(EngineOptions.EndpointWorkers)} must be 1..64 (was {options.EndpointWorkers}).");
        foreach (var (level, every) in options.RepeatEvery)
        {
            if (level is not ("Red" or "Orange" or "Yellow" or "Blue"))
                failures.Add($"{nameof(EngineOptions.RepeatEvery)}: '{level}' is not a level (Red, Orange, Yellow, Blue).");
            if (every < TimeSpan.FromSeconds(1)) failures.Add($"{nameof(EngineOptions.RepeatEvery)}[{level}] must be at least one second (was {every}).");
        }
        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            failures.Add($"{nameof(EngineOptions.PublicBaseUrl)} must be an absolute http(s) address (was '{options.PublicBaseUrl}').");
        if (options.LinkSecret.Length < 16) failures.Add($"{nameof(EngineOptions.LinkSecret)} must be at least 16 characters.");
        if (string.IsNullOrWhiteSpace(options.SmsSignature) || !options.SmsSignature.StartsWith('【') || !options.SmsSignature.EndsWith('】'))
            failures.Add($"{nameof(EngineOptions.SmsSignature)} must be a signature in 【】 (was '{options.SmsSignature}').");
        if (options.TemplateFolder is { } folder)
        {
            if (!Directory.Exists(folder)) failures.Add($"{nameof(EngineOptions.TemplateFolder)} '{folder}' does not exist.");
            else
            {
                try
                {
                    TextTemplates.Load(folder);
                }
                catch (InvalidDataException e)
                {
                    failures.Add($"{nameof(EngineOptions.TemplateFolder)}: {e.Message}");
                }
            }
        }
        if (options.PolicyFile is { } policy)
        {
            try
            {
                Core.Planning.Policy.ReleasePolicy.Load(policy);
            }
            catch (InvalidDataException e)
            {
                failures.Add($"{nameof(EngineOptions.PolicyFile)}: {e.Message}");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
