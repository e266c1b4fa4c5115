using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace WarningHub.Channels.Sms.Http;

/// <summary>Checks <see cref="HttpSmsOptions"/> at start-up and reports every problem at once, naming each property.</summary>
public sealed class HttpSmsOptionsValidator : IValidateOptions<HttpSmsOptions>
{
    /// <summary>The most numbers one Cloud request may carry (the platforms' limit).</summary>
    public const int CloudBatchLimit = 1000;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, HttpSmsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        void Fail(string property, string problem) => failures.Add($"HTTP SMS gateway '{name}': {property} {problem}");

        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            Fail(nameof(options.Url), "must be an absolute http:// or https:// URL.");
        }

        if (options.Method is not ("GET" or "POST" or "PUT")) Fail(nameof(options.Method), "must be GET, POST or PUT.");
        if (options.Method == "GET" && options.Profile == HttpSmsProfile.Generic && options.Body != HttpSmsBody.Query)
        {
            Fail(nameof(options.Body), "must be Query when Method is GET.");
        }

        switch (options.Profile)
        {
            case HttpSmsProfile.Generic:
                CheckGeneric(options, Fail);
                break;
            case HttpSmsProfile.Kannel:
                if (string.IsNullOrEmpty(options.Username)) Fail(nameof(options.Username), "is required (sendsms-user username of smsbox).");
                if (string.IsNullOrEmpty(options.Password)) Fail(nameof(options.Password), "is required (sendsms-user password of smsbox).");
                if (options.EffectiveReceipts == HttpSmsReceipts.Polling) Fail(nameof(options.Receipts), "cannot be Polling: Kannel reports through dlr-url callbacks.");
                break;
            case HttpSmsProfile.Cloud:
                if (string.IsNullOrEmpty(options.AccessKeyId)) Fail(nameof(options.AccessKeyId), "is required.");
                if (string.IsNullOrEmpty(options.AccessKeySecret)) Fail(nameof(options.AccessKeySecret), "is required.");
                if (string.IsNullOrWhiteSpace(options.SignName)) Fail(nameof(options.SignName), "is required (the approved signature name).");
                if (string.IsNullOrWhiteSpace(options.TemplateCode)) Fail(nameof(options.TemplateCode), "is required (the approved template's code).");
                if (string.IsNullOrWhiteSpace(options.TextParameter)) Fail(nameof(options.TextParameter), "is required (the template parameter the text goes in).");
                if (options.EffectiveReceipts == HttpSmsReceipts.Callback) Fail(nameof(options.Receipts), "cannot be Callback: the Cloud profile pulls receipts.");
                break;
            default:
                Fail(nameof(options.Profile), "must be Generic, Kannel or Cloud.");
                break;
        }

        if (options.EffectiveReceipts == HttpSmsReceipts.Callback)
        {
            if (options.CallbackToken.Length < 16) Fail(nameof(options.CallbackToken), "must be at least 16 characters when receipts come by callback.");
            if (options.PublicBaseUrl is { Length: > 0 } baseUrl && !Uri.TryCreate(baseUrl, UriKind.Absolute, out _))
            {
                Fail(nameof(options.PublicBaseUrl), "must be an absolute URL.");
            }

            if (string.IsNullOrWhiteSpace(options.ReceiptIdField)) Fail(nameof(options.ReceiptIdField), "is required.");
            if (string.IsNullOrWhiteSpace(options.ReceiptStatusField)) Fail(nameof(options.ReceiptStatusField), "is required.");
        }

        var batchLimit = options.Profile == HttpSmsProfile.Cloud ? CloudBatchLimit : 1;
        if (options.MaxBatch < 0 || options.MaxBatch > batchLimit)
        {
            Fail(nameof(options.MaxBatch), options.Profile == HttpSmsProfile.Cloud
                ? $"must be between 1 and {CloudBatchLimit} (0: {CloudBatchLimit})."
                : "must be 1 (or 0): only the Cloud profile's answer has a result per number.");
        }

        CheckRange(options.RateLimitPerSecond, 0, 100_000, nameof(options.RateLimitPerSecond), Fail);
        CheckRange(options.Concurrency, 1, 256, nameof(options.Concurrency), Fail);
        CheckRange(options.MaxParts, 1, 255, nameof(options.MaxParts), Fail);
        CheckRange(options.PollBatch, 1, 10_000, nameof(options.PollBatch), Fail);
        CheckPositive(options.Timeout, nameof(options.Timeout), Fail);
        CheckPositive(options.ConnectTimeout, nameof(options.ConnectTimeout), Fail);
        CheckPositive(options.PollInterval, nameof(options.PollInterval), Fail);
        CheckPositive(options.HealthCheckInterval, nameof(options.HealthCheckInterval), Fail);
        if (options.BatchLinger < TimeSpan.Zero || options.BatchLinger > TimeSpan.FromSeconds(5)) Fail(nameof(options.BatchLinger), "must be between 0 and 5 seconds.");
        if (options.ConnectTimeout > options.Timeout) Fail(nameof(options.ConnectTimeout), $"must not be longer than {nameof(options.Timeout)}.");
        if (options.Sender is { Length: > 21 }) Fail(nameof(options.Sender), "must be at most 21 characters.");
        if (options.Signature is { Length: > 20 }) Fail(nameof(options.Signature), "must be at most 20 characters.");
        foreach (var status in options.SuccessStatus.Where(s => s is < 200 or > 299)) Fail(nameof(options.SuccessStatus), $"has {status}; success codes are 200-299.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckGeneric(HttpSmsOptions options, Action<string, string> fail)
    {
        if (options.Fields.Count == 0) fail(nameof(options.Fields), "is required: the request's fields with {phone} and {text}.");
        else
        {
            var all = string.Concat(options.Fields.Values);
            if (!all.Contains("{phone}", StringComparison.Ordinal) && !all.Contains("{phones}", StringComparison.Ordinal))
            {
                fail(nameof(options.Fields), "must place {phone} or {phones} in some field.");
            }

            if (!all.Contains("{text}", StringComparison.Ordinal)) fail(nameof(options.Fields), "must place {text} in some field.");
            foreach (var (field, template) in options.Fields)
            {
                if (Placeholders.Unknown(template) is { } unknown) fail(nameof(options.Fields), $"{field} has the unknown placeholder {{{unknown}}}.");
            }
        }

        switch (options.Auth)
        {
            case HttpSmsAuth.Header when string.IsNullOrEmpty(options.ApiKey) || string.IsNullOrWhiteSpace(options.AuthHeader):
                fail(nameof(options.ApiKey), "and AuthHeader are required with Auth Header.");
                break;
            case HttpSmsAuth.Basic when string.IsNullOrEmpty(options.Username) || string.IsNullOrEmpty(options.Password):
                fail(nameof(options.Password), "and Username are required with Auth Basic.");
                break;
            case HttpSmsAuth.HmacQuery when string.IsNullOrEmpty(options.ApiKey):
                fail(nameof(options.ApiKey), "is required with Auth HmacQuery (the HMAC key).");
                break;
        }

        if (options.EffectiveReceipts == HttpSmsReceipts.Polling) fail(nameof(options.Receipts), "can be None or Callback for the Generic profile.");
        CheckRegex(options.MessageIdRegex, nameof(options.MessageIdRegex), fail);
        CheckRegex(options.SuccessRegex, nameof(options.SuccessRegex), fail);
        if (options.SuccessCode is not null && string.IsNullOrEmpty(options.ErrorCodePath)) fail(nameof(options.SuccessCode), "needs ErrorCodePath.");
    }

    private static void CheckRegex(string? pattern, string property, Action<string, string> fail)
    {
        if (string.IsNullOrEmpty(pattern)) return;
        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            fail(property, "is not a valid regular expression: " + ex.Message);
        }
    }

    private static void CheckRange(int value, int min, int max, string property, Action<string, string> fail)
    {
        if (value < min || value > max) fail(property, $"must be between {min} and {max}.");
    }

    private static void CheckPositive(TimeSpan value, string property, Action<string, string> fail)
    {
        if (value <= TimeSpan.Zero) fail(property, "must be positive.");
    }
}
