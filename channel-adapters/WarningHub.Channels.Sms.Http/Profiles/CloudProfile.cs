using System.Globalization;
using System.Text;
using System.Text.Json;
using RestSharp;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Http.Gateway;

namespace WarningHub.Channels.Sms.Http.Profiles;

/// <summary>
/// A cloud SMS API in the style of the large Chinese platforms: <c>POST /v1/sms/send</c> with the sign name, the
/// template code and its parameters (the warning text in <see cref="HttpSmsOptions.TextParameter"/>) for up to 1,000
/// numbers, answered with a result per number; receipts pulled from <c>GET /v1/sms/receipts</c>. Every request is
/// signed (<see cref="CloudSigning"/>).
/// </summary>
internal sealed class CloudProfile(HttpSmsOptions options, Uri baseUrl, TimeProvider time) : SmsProfile
{
    public const string SendPath = "v1/sms/send";
    public const string ReceiptsPath = "v1/sms/receipts";

    public override RestRequest Build(IReadOnlyList<PendingSend> batch)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["PhoneNumbers"] = batch.Select(b => b.Number).ToArray(),
            ["SignName"] = options.SignName,
            ["TemplateCode"] = options.TemplateCode,
            ["TemplateParam"] = new Dictionary<string, string> { [options.TextParameter] = batch[0].Text },
            ["OutId"] = batch[0].Message.Reference.ToString(CultureInfo.InvariantCulture),
        });
        var request = Signed(Method.Post, SendPath, [], body);
        request.AddStringBody(Encoding.UTF8.GetString(body), ContentType.Json);
        return request;
    }

    public override DeliveryResult[] Read(IReadOnlyList<PendingSend> batch, Exchange answer)
    {
        var (code, message, root) = Parse(answer.Body);
        if (answer.Status != 200 || code != "OK" || root is not { } json)
        {
            // The platform's own code says more than the status, except for flow control (Retry-After) and server errors.
            var failure = answer.Status == 200 || (code is not null && answer.Status is >= 400 and < 500 and not 429)
                ? Whole(code, message ?? answer.Body)
                : Refusal(answer, code, message ?? answer.Body);
            return [.. batch.Select(_ => failure)];
        }

        var byNumber = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (json.TryGetProperty("Results", out var results) && results.ValueKind == JsonValueKind.Array)
        {
            foreach (var result in results.EnumerateArray())
            {
                if (JsonPath.Find(result, "PhoneNumber") is { } number) byNumber.TryAdd(number, result);
            }
        }

        return [.. batch.Select(send => byNumber.TryGetValue(send.Number, out var result)
            ? PerNumber(result)
            : DeliveryResult.Unknown("The platform accepted the request but gave no result for this number."))];
    }

    public override RestRequest BuildPoll(int pageSize) =>
        Signed(Method.Get, ReceiptsPath, [KeyValuePair.Create("PageSize", pageSize.ToString(CultureInfo.InvariantCulture))], []);

    public override PolledReceipts ReadPoll(Exchange answer)
    {
        var (code, message, root) = Parse(answer.Body);
        if (answer.Status != 200 || code != "OK" || root is not { } json)
        {
            return PolledReceipts.Failed($"HTTP {answer.Status} {code} {message}");
        }

        var found = new List<Receipt>();
        var listed = 0;
        if (json.TryGetProperty("Receipts", out var receipts) && receipts.ValueKind == JsonValueKind.Array)
        {
            foreach (var receipt in receipts.EnumerateArray())
            {
                listed++;
                if (JsonPath.Find(receipt, "SerialNo") is not { Length: > 0 } serial) continue;
                var state = JsonPath.Find(receipt, "Status");
                var at = DateTimeOffset.TryParse(JsonPath.Find(receipt, "ReportTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)
                    ? t.ToUniversalTime()
                    : time.GetUtcNow();
                var status = state switch
                {
                    "DELIVERED" => DeliveryStatus.Delivered,
                    "FAILED" => DeliveryStatus.Failed,
                    _ => (DeliveryStatus?)null,
                };
                if (status is { } s) found.Add(new Receipt(serial, s, JsonPath.Find(receipt, "ErrCode") ?? state!, at));
            }
        }

        return new PolledReceipts(found, listed, null);
    }

    /// <summary>A signed request to <paramref name="path"/>, query parameters and body included in the signature.</summary>
    public RestRequest Signed(Method method, string path, IReadOnlyList<KeyValuePair<string, string>> query, ReadOnlySpan<byte> body)
    {
        var request = new RestRequest(path, method);
        foreach (var (name, value) in query) request.AddQueryParameter(name, value);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = CloudSigning.Nonce();
        var canonical = CloudSigning.Canonical(method.ToString().ToUpperInvariant(), new Uri(baseUrl, path).AbsolutePath, CloudSigning.CanonicalQuery(query), body,
            options.AccessKeyId, timestamp, nonce);
        request.AddHeader(CloudSigning.KeyIdHeader, options.AccessKeyId);
        request.AddHeader(CloudSigning.TimestampHeader, timestamp);
        request.AddHeader(CloudSigning.NonceHeader, nonce);
        request.AddHeader(CloudSigning.SignatureHeader, CloudSigning.Sign(options.AccessKeySecret, canonical));
        return request;
    }

    /// <summary>The platform's Code, Message and the document; nulls when the body is not JSON.</summary>
    public static (string? Code, string? Message, JsonElement? Root) Parse(string body)
    {
        try
        {
            var root = JsonDocument.Parse(body).RootElement.Clone();
            return root.ValueKind == JsonValueKind.Object ? (JsonPath.Find(root, "Code"), JsonPath.Find(root, "Message"), root) : (null, null, null);
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }

    private static DeliveryResult PerNumber(JsonElement result)
    {
        var code = JsonPath.Find(result, "Code");
        if (code == "OK" && JsonPath.Find(result, "SerialNo") is { Length: > 0 } serial)
        {
            return DeliveryResult.Accepted([serial]);
        }

        return Whole(code, JsonPath.Find(result, "Message") ?? "no message");
    }

    /// <summary>A platform error code: flow control and platform faults pass, a wrong number or template does not.</summary>
    private static DeliveryResult Whole(string? code, string message)
    {
        var errorCode = "CLOUD:" + (code ?? "unreadable");
        var reason = $"The platform answered {code ?? "something unreadable"}: {Shorten(message)}";
        return code switch
        {
            "isv.BUSINESS_LIMIT_CONTROL" or "Throttling" or "isv.AMOUNT_NOT_ENOUGH" => DeliveryResult.Temporary(errorCode, reason, TimeSpan.FromSeconds(1)),
            "InvalidAccessKeyId" or "SignatureDoesNotMatch" or "InvalidTimestamp" or "SignatureNonceUsed" =>
                DeliveryResult.Temporary(errorCode, reason + " Check AccessKeyId, AccessKeySecret and the clock."),
            null => DeliveryResult.Unknown(reason),
            _ when code.StartsWith("isp.", StringComparison.Ordinal) => DeliveryResult.Temporary(errorCode, reason),
            _ => DeliveryResult.Permanent(errorCode, reason),
        };
    }
}
