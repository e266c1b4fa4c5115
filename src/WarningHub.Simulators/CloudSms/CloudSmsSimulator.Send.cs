using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace WarningHub.Simulators.CloudSms;

public sealed partial class CloudSmsSimulator
{
    private readonly Queue<long> _recentSends = new();
    private readonly Lock _rateLock = new();

    private async Task HandleSendAsync(HttpContext context)
    {
        // Stamped before the body is read, so a body that the loaded host reads late does not bunch arrivals.
        var receivedAt = Time.GetUtcNow();
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        var number = Interlocked.Increment(ref _sendRequests);
        _sendTimes.Enqueue(receivedAt);
        var fault = Options.Fault;
        var faulting = fault != CloudSmsFault.None && (number - 1) % Math.Max(1, Options.FaultEvery) == 0;
        if (faulting)
        {
            Interlocked.Increment(ref _faulted);
            Interlocked.Add(ref _faultedNumbers, CountNumbers(body));
            if (!Options.FaultAfterAccept)
            {
                await FailAsync(context, fault).ConfigureAwait(false);
                return;
            }
        }

        if (await RefuseUnsignedAsync(context, body).ConfigureAwait(false)) return;
        if (!TakeRate())
        {
            context.Response.Headers.RetryAfter = "1";
            await ErrorAsync(context, 429, "isv.BUSINESS_LIMIT_CONTROL", "Sending too fast: flow control of the account.").ConfigureAwait(false);
            return;
        }

        SendRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<SendRequest>(body);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request?.PhoneNumbers is not { Length: > 0 } numbers || string.IsNullOrEmpty(request.SignName) || string.IsNullOrEmpty(request.TemplateCode)
            || request.TemplateParam is not { Count: > 0 } parameters)
        {
            await ErrorAsync(context, 400, "isv.INVALID_PARAMETERS", "PhoneNumbers, SignName, TemplateCode and TemplateParam are required.").ConfigureAwait(false);
            return;
        }

        if (numbers.Length > Options.MaxBatch)
        {
            await ErrorAsync(context, 400, "isv.BATCH_LIMIT", $"At most {Options.MaxBatch} numbers per request; this one has {numbers.Length}.").ConfigureAwait(false);
            return;
        }

        var text = parameters.TryGetValue("content", out var content) ? content : parameters.Values.First();
        var results = new List<object>(numbers.Length);
        foreach (var phone in numbers)
        {
            if (phone.Length != 11 || phone[0] != '1' || !phone.All(char.IsAsciiDigit))
            {
                results.Add(new { PhoneNumber = phone, Code = "isv.MOBILE_NUMBER_ILLEGAL", Message = "Not a mobile number of mainland China." });
                continue;
            }

            var serial = Interlocked.Increment(ref _serial).ToString("D12", CultureInfo.InvariantCulture);
            _accepted.Enqueue(new CloudSmsMessage(phone, text, request.SignName, request.TemplateCode, serial, numbers.Length) { ReceivedAt = receivedAt });
            if (Options.AutoReceipts) QueueReceipt(serial, phone, Options.FailingSuffix is not { Length: > 0 } suffix || !phone.EndsWith(suffix, StringComparison.Ordinal));
            results.Add(new { PhoneNumber = phone, Code = "OK", Message = "OK", SerialNo = serial });
        }

        if (faulting)
        {
            // Taken and on their way to the phones; the answer that would say so is lost.
            await FailAsync(context, fault).ConfigureAwait(false);
            return;
        }

        await WriteAsync(context, 200, new { Code = "OK", Message = "OK", RequestId = Guid.NewGuid().ToString("N"), BizId = Guid.NewGuid().ToString("N"), Results = results })
            .ConfigureAwait(false);
    }

    private async Task FailAsync(HttpContext context, CloudSmsFault fault)
    {
        switch (fault)
        {
            case CloudSmsFault.Timeout:
                await Task.Delay(Options.FaultDelay, Time, context.RequestAborted).ConfigureAwait(false);
                return;
            case CloudSmsFault.ServerError:
                await ErrorAsync(context, 500, "isp.SYSTEM_ERROR", "The platform failed; try again later.").ConfigureAwait(false);
                return;
            case CloudSmsFault.Reset:
                context.Abort();
                return;
            case CloudSmsFault.SlowBody:
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.WriteAsync("{\"Code\":\"OK\",", context.RequestAborted).ConfigureAwait(false);
                await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                await Task.Delay(Options.FaultDelay, Time, context.RequestAborted).ConfigureAwait(false);
                return;
        }
    }

    /// <summary>The numbers a send request carries, 0 when it cannot be read.</summary>
    private static int CountNumbers(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<SendRequest>(body)?.PhoneNumbers?.Length ?? 0;
        }
        catch (JsonException)
        {
            return 0;
        }
    }

    /// <summary>A sliding one-second window of send requests; false when the limit is reached.</summary>
    private bool TakeRate()
    {
        if (Options.RateLimitPerSecond <= 0) return true;
        lock (_rateLock)
        {
            var now = Time.GetTimestamp();
            while (_recentSends.Count > 0 && Time.GetElapsedTime(_recentSends.Peek(), now) >= TimeSpan.FromSeconds(1)) _recentSends.Dequeue();
            if (_recentSends.Count >= Options.RateLimitPerSecond) return false;
            _recentSends.Enqueue(now);
            return true;
        }
    }

    private sealed record SendRequest(string[]? PhoneNumbers, string? SignName, string? TemplateCode, Dictionary<string, string>? TemplateParam, string? OutId);
}
