using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Http.Gateway;

namespace WarningHub.Channels.Sms.Http;

/// <summary>What the hub answers a receipt callback.</summary>
public enum ReceiptCallbackOutcome
{
    /// <summary>A final receipt, passed on to the hub.</summary>
    Accepted,

    /// <summary>An intermediate report (Kannel's buffered or SMSC-accepted), taken and not passed on.</summary>
    Ignored,

    /// <summary>Neither the token nor the signature was right: nothing changed.</summary>
    Unauthorized,

    /// <summary>The id or the status is missing or unknown: nothing changed.</summary>
    Invalid,
}

public sealed partial class HttpSmsGateway
{
    /// <summary>The path the hub serves receipt callbacks of gateway <paramref name="gateway"/> on.</summary>
    public static string CallbackPath(string gateway) => "/api/v1/sms/http/" + Uri.EscapeDataString(gateway) + "/receipts";

    /// <summary>
    /// Takes one receipt callback (<c>GET</c> or <c>POST /api/v1/sms/http/{gateway}/receipts</c>): its query and form
    /// fields, and the X-Callback-Token header if any. It is authentic when the header equals CallbackToken, or when
    /// the field <c>sig</c> is the HMAC of the id under CallbackToken (what the dlr-url the hub gave Kannel carries).
    /// </summary>
    /// <param name="fields">Query and form fields, by name.</param>
    /// <param name="headerToken">The X-Callback-Token header; null when absent.</param>
    /// <param name="problem">Why the callback was refused, worded for the caller; null when it was taken.</param>
    public ReceiptCallbackOutcome AcceptCallback(IReadOnlyDictionary<string, string> fields, string? headerToken, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(fields);
        problem = null;
        if (_options.EffectiveReceipts != HttpSmsReceipts.Callback)
        {
            problem = "this gateway takes no receipt callbacks";
            return ReceiptCallbackOutcome.Invalid;
        }

        fields.TryGetValue(_options.ReceiptIdField, out var id);
        var byHeader = headerToken is not null && FixedEquals(headerToken, _options.CallbackToken);
        var bySignature = id is not null && fields.TryGetValue("sig", out var sig) && FixedEquals(sig, CallbackSignature(id));
        if (!byHeader && !bySignature)
        {
            problem = "the callback token or signature is wrong";
            Log.CallbackRefused(_logger, Name, problem);
            return ReceiptCallbackOutcome.Unauthorized;
        }

        if (string.IsNullOrEmpty(id) || !fields.TryGetValue(_options.ReceiptStatusField, out var status) || string.IsNullOrEmpty(status))
        {
            problem = $"the fields {_options.ReceiptIdField} and {_options.ReceiptStatusField} are required";
            return ReceiptCallbackOutcome.Invalid;
        }

        DeliveryStatus? final = _options.EffectiveDelivered.Contains(status, StringComparer.OrdinalIgnoreCase) ? DeliveryStatus.Delivered
            : _options.EffectiveFailed.Contains(status, StringComparer.OrdinalIgnoreCase) ? DeliveryStatus.Failed
            : null;
        if (final is null)
        {
            // Kannel's 4 (buffered) and 8 (SMSC accepted) are steps on the way, not the end.
            return int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out _) || status.Length <= 16
                ? ReceiptCallbackOutcome.Ignored
                : ReceiptCallbackOutcome.Invalid;
        }

        _receipts.Writer.TryWrite(new Receipt(id, final.Value, status, _time.GetUtcNow()));
        return ReceiptCallbackOutcome.Accepted;
    }

    /// <summary>The callback URL of one message: the correlation id, the status Kannel fills in (%d) and the id's signature.</summary>
    private string ReceiptUrl(PendingSend send)
    {
        var baseUrl = (_options.PublicBaseUrl ?? "http://127.0.0.1").TrimEnd('/');
        return $"{baseUrl}{CallbackPath(Name)}?{_options.ReceiptIdField}={Uri.EscapeDataString(send.Correlation)}"
            + $"&{_options.ReceiptStatusField}=%d&sig={CallbackSignature(send.Correlation)}";
    }

    private string CallbackSignature(string id) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_options.CallbackToken), Encoding.UTF8.GetBytes(id)))[..32];

    private static bool FixedEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    private async Task PollLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_options.PollInterval, _time, stopping).ConfigureAwait(false);

                // Bounded: a full page means more wait; at most 20 pages between two pauses.
                for (var page = 0; page < 20 && await PullReceiptsOnceAsync().ConfigureAwait(false) >= _options.PollBatch; page++)
                {
                    stopping.ThrowIfCancellationRequested();
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Pulls one page of receipts through the profile (the Cloud API, or a Generic gateway's PollUrl); how many entries
    /// the page listed (0 on failure, which is logged).
    /// </summary>
    internal async Task<int> PullReceiptsOnceAsync()
    {
        if (_profile.BuildPoll(_options.PollBatch) is not { } request) return 0;
        var exchange = await Exchange.RunAsync(_client, request).ConfigureAwait(false);
        var page = exchange.Kind == ExchangeKind.Answered ? _profile.ReadPoll(exchange) : PolledReceipts.Failed(exchange.Problem ?? exchange.Kind.ToString());
        if (page.Problem is { } problem)
        {
            Log.PollFailed(_logger, Name, problem);
            return 0;
        }

        foreach (var receipt in page.Receipts) _receipts.Writer.TryWrite(receipt);
        return page.Listed;
    }
}
