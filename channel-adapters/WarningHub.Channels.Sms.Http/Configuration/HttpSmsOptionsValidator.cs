using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace WarningHub.Channels.Sms.Http;

/// <summary>Checks <see cref="HttpSmsOptions"/> at start-up and reports every problem at once, naming each property.</summary>
public sealed class HttpSmsOptionsValidator : IValidateOptions<HttpSmsOptions>
{
    /// <summary>The most numbers one Cloud request may carry (the platforms' limit).</summary>
    public const int CloudBatchLimit = 1000;

    /// <summary>The most numbers one Generic request may carry.</summary>
    public const int GenericBatchLimit = 1000;

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

        var batchLimit = options.Profile switch { HttpSmsProfile.Cloud => CloudBatchLimit, HttpSmsProfile.Generic => GenericBatchLimit, _ => 1 };
        if (options.MaxBatch < 0 || options.MaxBatch > batchLimit)
        {
            Fail(nameof(options.MaxBatch), options.Profile switch
            {
                HttpSmsProfile.Cloud => $"must be between 1 and {CloudBatchLimit} (0: {CloudBatchLimit}).",
                HttpSmsProfile.Generic => $"must be between 1 and {GenericBatchLimit} (0: 1).",
                _ => "must be 1 (or 0): Kannel's sendsms answers once for the whole request.",
            });
        }

        if (options.Profile != HttpSmsProfile.Generic || options.EffectiveReceipts != HttpSmsReceipts.Polling)
        {
            // Settings that would be silently ignored are an error, so a gateway is never thought to poll when it does not.
            if (options.PollUrl is not null) Fail(nameof(options.PollUrl), "is only for the Generic profile with Receipts Polling.");
            if (options.PollFields.Count > 0) Fail(nameof(options.PollFields), "are only for the Generic profile with Receipts Polling.");
            if (options.PollListPath is not null) Fail(nameof(options.PollListPath), "is only for the Generic profile with Receipts Polling.");
        }

        if (options.Profile != HttpSmsProfile.Generic)
        {
            foreach (var (property, value) in new[]
            {
                (nameof(options.ResultsPath), options.ResultsPath), (nameof(options.ResultNumberPath), options.ResultNumberPath),
                (nameof(options.ResultIdPath), options.ResultIdPath), (nameof(options.ResultCodePath), options.ResultCodePath),
                (nameof(options.ResultSuccessCode), options.ResultSuccessCode),
            })
            {
                if (value is not null) Fail(property, "is only for the Generic profile.");
            }
        }

        CheckRange(options.RateLimitPerSecond, 0, 100_000, nameof(options.RateLimitPerSecond), Fail);
        CheckRange(options.Concurrency, 1, 256, nameof(options.Concurrency), Fail);
        CheckRange(options.MaxParts, 1, 255, nameof(options.MaxParts), Fail);
        CheckRange(options.PollBatch, 1, 10_000, nameof(options.PollBatch), Fail);
        CheckPositive(options.Timeout, nameof(options.Timeout), Fail);
        CheckPositive(options.ConnectTimeout, nameof(options.ConnectTimeout), Fail);
        CheckPositive(options.PollInterval, nameof(options.PollInterval), Fail);
        CheckPositive(options.HealthCheckInterval, nameof(options.HealthCheckInterval), Fail);
        CheckPositive(options.PollInterval, nameof(options.PollInterval), Fail);
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
            if (!Placeholders.Uses(all, "phone") && !Placeholders.Uses(all, "phones") && !Placeholders.Uses(all, "phoneArray"))
            {
                fail(nameof(options.Fields), "must place {phone}, {phones} or {phoneArray} in some field.");
            }

            if (options.EffectiveMaxBatch > 1)
            {
                if (!Placeholders.Uses(all, "phones") && !Placeholders.Uses(all, "phoneArray"))
                {
                    fail(nameof(options.Fields), "must place {phones} or {phoneArray} in some field when MaxBatch is above 1.");
                }

                foreach (var one in Placeholders.OneMessage.Where(p => Placeholders.Uses(all, p)))
                {
                    fail(nameof(options.Fields), $"cannot use {{{one}}} when MaxBatch is above 1: it names one message of the request.");
                }
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

        if (options.EffectiveReceipts == HttpSmsReceipts.Polling) CheckGenericPolling(options, fail);
        if (options.EffectiveMaxBatch > 1)
        {
            if (string.IsNullOrWhiteSpace(options.ResultsPath)) fail(nameof(options.ResultsPath), "is required when MaxBatch is above 1: each number needs its own result.");
            if (options.EffectiveReceipts != HttpSmsReceipts.None && string.IsNullOrWhiteSpace(options.ResultIdPath))
            {
                fail(nameof(options.ResultIdPath), "is required when MaxBatch is above 1 and receipts come back: they name each number's message id.");
            }
        }

        if (options.ResultsPath is null)
        {
            foreach (var (property, value) in new[]
            {
                (nameof(options.ResultNumberPath), options.ResultNumberPath), (nameof(options.ResultIdPath), options.ResultIdPath),
                (nameof(options.ResultCodePath), options.ResultCodePath),
            })
            {
                if (value is not null) fail(property, "needs ResultsPath.");
            }
        }

        if (options.ResultSuccessCode is not null && string.IsNullOrEmpty(options.ResultCodePath)) fail(nameof(options.ResultSuccessCode), "needs ResultCodePath.");
        CheckRegex(options.MessageIdRegex, nameof(options.MessageIdRegex), fail);
        CheckRegex(options.SuccessRegex, nameof(options.SuccessRegex), fail);
        if (options.SuccessCode is not null && string.IsNullOrEmpty(options.ErrorCodePath)) fail(nameof(options.SuccessCode), "needs ErrorCodePath.");
    }

    private static void CheckGenericPolling(HttpSmsOptions options, Action<string, string> fail)
    {
        if (!Uri.TryCreate(options.PollUrl, UriKind.Absolute, out var pollUrl) || pollUrl.Scheme is not ("http" or "https"))
        {
            fail(nameof(options.PollUrl), "must be an absolute http:// or https:// URL when receipts are pulled.");
        }

        if (options.PollMethod is not ("GET" or "POST")) fail(nameof(options.PollMethod), "must be GET or POST.");
        if (string.IsNullOrWhiteSpace(options.PollIdPath)) fail(nameof(options.PollIdPath), "is required when receipts are pulled (the message id in each receipt).");
        if (string.IsNullOrWhiteSpace(options.PollStatusPath)) fail(nameof(options.PollStatusPath), "is required when receipts are pulled (the status in each receipt).");
        foreach (var (field, template) in options.PollFields)
        {
            if (Placeholders.Unknown(template, Placeholders.Poll) is { } unknown) fail(nameof(options.PollFields), $"{field} has the unknown placeholder {{{unknown}}}; only {{pageSize}} is known.");
        }

        foreach (var overlap in options.EffectiveDelivered.Intersect(options.EffectiveFailed, StringComparer.OrdinalIgnoreCase))
        {
            fail(nameof(options.FailedValues), $"has {overlap}, which DeliveredValues also has.");
        }
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
