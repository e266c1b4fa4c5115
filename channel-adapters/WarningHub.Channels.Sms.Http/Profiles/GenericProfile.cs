using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using RestSharp;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Http.Gateway;

namespace WarningHub.Channels.Sms.Http.Profiles;

/// <summary>An HTTP API described by settings: fields from templates, sent as a form, JSON or the query; the answer read by status, JSON path or regex.</summary>
internal sealed class GenericProfile : SmsProfile
{
    private readonly HttpSmsOptions _options;
    private readonly TimeProvider _time;
    private readonly Func<PendingSend, string> _receiptUrl;
    private readonly Method _method;
    private readonly string _resource;
    private readonly IReadOnlyDictionary<string, string> _fields;
    private readonly Regex? _messageId;
    private readonly Regex? _success;

    public GenericProfile(HttpSmsOptions options, TimeProvider time, Func<PendingSend, string> receiptUrl, string resource,
        IReadOnlyDictionary<string, string>? fields = null, string? successRegex = null)
    {
        _options = options;
        _time = time;
        _receiptUrl = receiptUrl;
        _resource = resource;
        _fields = fields ?? options.Fields;
        _method = options.Method switch { "GET" => Method.Get, "PUT" => Method.Put, _ => Method.Post };
        _messageId = string.IsNullOrEmpty(options.MessageIdRegex) ? null : new Regex(options.MessageIdRegex, RegexOptions.None, TimeSpan.FromSeconds(1));
        var success = successRegex ?? options.SuccessRegex;
        _success = string.IsNullOrEmpty(success) ? null : new Regex(success, RegexOptions.None, TimeSpan.FromSeconds(1));
    }

    /// <summary>The method actually used (Kannel: GET).</summary>
    public Method? HttpMethod { get; init; }

    public HttpSmsBody BodyKind { get; init; }

    public IReadOnlyCollection<int> SuccessStatus { get; init; } = [200, 202];

    public override RestRequest Build(IReadOnlyList<PendingSend> batch)
    {
        var send = batch[0];
        var numbers = batch.Select(b => b.Number).ToArray();
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["phone"] = send.Number,
            ["phones"] = string.Join(',', numbers),
            ["phoneArray"] = JsonSerializer.Serialize(numbers),
            ["text"] = send.Text,
            ["reference"] = send.Message.Reference.ToString(CultureInfo.InvariantCulture),
            ["correlation"] = send.Correlation,
            ["receiptUrl"] = _options.EffectiveReceipts == HttpSmsReceipts.Callback ? _receiptUrl(send) : string.Empty,
        };
        var filled = _fields.Select(f => KeyValuePair.Create(f.Key, Placeholders.Fill(f.Value, values))).ToList();
        var method = HttpMethod ?? _method;
        var request = new RestRequest(_resource, method);

        // In a JSON body a field that is only {phoneArray} is the array itself, not its text.
        AddFields(request, method, filled, name => _fields[name] == "{phoneArray}" ? numbers : null);
        Authorize(request, filled);
        return request;
    }

    public override DeliveryResult[] Read(IReadOnlyList<PendingSend> batch, Exchange answer)
    {
        var json = ParseJson(answer.Body);
        var code = Find(json, _options.ErrorCodePath);
        var message = Find(json, _options.ErrorMessagePath);
        if (!SuccessStatus.Contains(answer.Status))
        {
            return Same(batch, Refusal(answer, code, message ?? answer.Body));
        }

        if (_options.SuccessCode is { } successCode && !string.Equals(code, successCode, StringComparison.Ordinal))
        {
            return Same(batch, DeliveryResult.Permanent(code is null ? "HTTP:no-code" : "HTTP:" + code, "The gateway refused the message: " + Shorten(message ?? answer.Body)));
        }

        if (_success is not null && !_success.IsMatch(answer.Body))
        {
            return Same(batch, DeliveryResult.Permanent("HTTP:" + answer.Status.ToString(CultureInfo.InvariantCulture), "The gateway's answer is not an acceptance: " + Shorten(answer.Body)));
        }

        if (_options.ResultsPath is { } resultsPath)
        {
            return PerNumber(batch, json, resultsPath);
        }

        var id = Find(json, _options.MessageIdPath) ?? (_messageId?.Match(answer.Body) is { Success: true, Groups.Count: > 1 } m ? m.Groups[1].Value : null);
        return Same(batch, DeliveryResult.Accepted([string.IsNullOrEmpty(id) ? batch[0].Correlation : id]));
    }

    public override RestRequest? BuildPoll(int pageSize)
    {
        if (_options.EffectiveReceipts != HttpSmsReceipts.Polling || _options.PollUrl is not { } pollUrl) return null;
        var method = _options.PollMethod == "POST" ? Method.Post : Method.Get;
        var values = new Dictionary<string, string>(StringComparer.Ordinal) { ["pageSize"] = pageSize.ToString(CultureInfo.InvariantCulture) };
        var filled = _options.PollFields.Select(f => KeyValuePair.Create(f.Key, Placeholders.Fill(f.Value, values))).ToList();

        // An absolute resource replaces the client's base (the send URL).
        var request = new RestRequest(pollUrl, method);
        AddFields(request, method, filled, _ => null);
        Authorize(request, filled);
        return request;
    }

    public override PolledReceipts ReadPoll(Exchange answer)
    {
        if (answer.Status is < 200 or > 299) return PolledReceipts.Failed($"HTTP {answer.Status}: {Shorten(answer.Body)}");
        if (ParseJson(answer.Body) is not { } json) return PolledReceipts.Failed("the answer is not JSON: " + Shorten(answer.Body));
        if (JsonPath.Element(json, _options.PollListPath ?? string.Empty) is not { ValueKind: JsonValueKind.Array } list)
        {
            return PolledReceipts.Failed($"the answer has no list at {(string.IsNullOrEmpty(_options.PollListPath) ? "its root" : _options.PollListPath)}: {Shorten(answer.Body)}");
        }

        var found = new List<Receipt>();
        var listed = 0;
        foreach (var item in list.EnumerateArray())
        {
            listed++;
            var id = JsonPath.Find(item, _options.PollIdPath);
            var status = JsonPath.Find(item, _options.PollStatusPath);
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(status)) continue;

            // Statuses that are neither delivered nor failed are steps on the way (accepted, buffered): not the end.
            if (FinalStatus(status) is { } final) found.Add(new Receipt(id, final, status, _time.GetUtcNow()));
        }

        return new PolledReceipts(found, listed, null);
    }

    private DeliveryStatus? FinalStatus(string status) =>
        _options.EffectiveDelivered.Contains(status, StringComparer.OrdinalIgnoreCase) ? DeliveryStatus.Delivered
        : _options.EffectiveFailed.Contains(status, StringComparer.OrdinalIgnoreCase) ? DeliveryStatus.Failed
        : null;

    /// <summary>One result per number, found in the list at <paramref name="resultsPath"/> by number (ResultNumberPath) or by position.</summary>
    private DeliveryResult[] PerNumber(IReadOnlyList<PendingSend> batch, JsonElement? json, string resultsPath)
    {
        if (json is not { } root || JsonPath.Element(root, resultsPath) is not { ValueKind: JsonValueKind.Array } list)
        {
            // Accepted as a whole, but which numbers were taken is not said: a resend may duplicate.
            return Same(batch, DeliveryResult.Unknown($"The gateway accepted the request but its answer has no list at {resultsPath}."));
        }

        var results = list.EnumerateArray().ToList();
        var matched = new JsonElement?[batch.Count];
        if (_options.ResultNumberPath is { } numberPath)
        {
            var byNumber = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var result in results)
            {
                if (JsonPath.Find(result, numberPath) is { } number) byNumber.TryAdd(number, result);
            }

            for (var i = 0; i < batch.Count; i++) matched[i] = byNumber.TryGetValue(batch[i].Number, out var r) ? r : null;
        }
        else if (results.Count == batch.Count)
        {
            for (var i = 0; i < batch.Count; i++) matched[i] = results[i];
        }

        var read = new DeliveryResult[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            read[i] = matched[i] is { } result
                ? OneNumber(batch[i], result)
                : DeliveryResult.Unknown("The gateway accepted the request but gave no result for this number.");
        }

        return read;
    }

    private DeliveryResult OneNumber(PendingSend send, JsonElement result)
    {
        var code = Find(result, _options.ResultCodePath);
        if (_options.ResultSuccessCode is { } success && !string.Equals(code, success, StringComparison.Ordinal))
        {
            return DeliveryResult.Permanent(code is null ? "HTTP:no-code" : "HTTP:" + code, "The gateway refused this number: " + Shorten(result.GetRawText()));
        }

        var id = Find(result, _options.ResultIdPath);
        return DeliveryResult.Accepted([string.IsNullOrEmpty(id) ? send.Correlation : id]);
    }

    private static DeliveryResult[] Same(IReadOnlyList<PendingSend> batch, DeliveryResult result) => [.. batch.Select(_ => result)];

    private static JsonElement? ParseJson(string body)
    {
        var start = body.AsSpan().TrimStart();
        if (start.IsEmpty || (start[0] != '{' && start[0] != '[')) return null;
        try
        {
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            // Not JSON after all: the regex settings may still read it.
            return null;
        }
    }

    /// <summary>The fields in the query (GET, or Body Query), a form or a JSON object; <paramref name="asValue"/> gives a field a JSON value of its own.</summary>
    private void AddFields(RestRequest request, Method method, List<KeyValuePair<string, string>> filled, Func<string, object?> asValue)
    {
        var kind = method == Method.Get ? HttpSmsBody.Query : BodyKind;
        switch (kind)
        {
            case HttpSmsBody.Json:
                request.AddStringBody(JsonSerializer.Serialize(filled.ToDictionary(f => f.Key, f => asValue(f.Key) ?? f.Value, StringComparer.Ordinal)), ContentType.Json);
                break;
            case HttpSmsBody.Form:
                foreach (var (name, value) in filled) request.AddParameter(name, value, ParameterType.GetOrPost);
                break;
            default:
                foreach (var (name, value) in filled) request.AddQueryParameter(name, value);
                break;
        }
    }

    /// <summary>The credentials of Auth on any request of this gateway, sends and receipt pulls alike.</summary>
    private void Authorize(RestRequest request, List<KeyValuePair<string, string>> filled)
    {
        switch (_options.Auth)
        {
            case HttpSmsAuth.Header:
                request.AddHeader(_options.AuthHeader, _options.ApiKey);
                break;
            case HttpSmsAuth.Basic:
                request.AddHeader("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(_options.Username + ":" + _options.Password)));
                break;
            case HttpSmsAuth.HmacQuery:
                AddQuerySignature(request, filled);
                break;
        }
    }

    private static string? Find(JsonElement? json, string? path) =>
        json is { } root && !string.IsNullOrEmpty(path) ? JsonPath.Find(root, path) : null;

    private static string? Find(JsonElement json, string? path) => string.IsNullOrEmpty(path) ? null : JsonPath.Find(json, path);

    /// <summary>
    /// HmacQuery: timestamp (Unix seconds) and nonce join the fields; sign is the lowercase hex HMAC-SHA256, under
    /// ApiKey, of every name=value (raw, sorted by name, joined by &amp;). All three go in the query.
    /// </summary>
    private void AddQuerySignature(RestRequest request, List<KeyValuePair<string, string>> fields)
    {
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = CloudSigning.Nonce();
        var signed = fields.Append(KeyValuePair.Create("timestamp", timestamp)).Append(KeyValuePair.Create("nonce", nonce))
            .OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value);
        var sign = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(_options.ApiKey), Encoding.UTF8.GetBytes(string.Join('&', signed))));
        request.AddQueryParameter("timestamp", timestamp);
        request.AddQueryParameter("nonce", nonce);
        request.AddQueryParameter("sign", sign);
    }
}
