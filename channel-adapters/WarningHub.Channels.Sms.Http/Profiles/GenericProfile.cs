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
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["phone"] = send.Number,
            ["phones"] = string.Join(',', batch.Select(b => b.Number)),
            ["text"] = send.Text,
            ["reference"] = send.Message.Reference.ToString(CultureInfo.InvariantCulture),
            ["correlation"] = send.Correlation,
            ["receiptUrl"] = _options.EffectiveReceipts == HttpSmsReceipts.Callback ? _receiptUrl(send) : string.Empty,
        };
        var filled = _fields.Select(f => KeyValuePair.Create(f.Key, Placeholders.Fill(f.Value, values))).ToList();
        var method = HttpMethod ?? _method;
        var request = new RestRequest(_resource, method);
        var kind = method == Method.Get ? HttpSmsBody.Query : BodyKind;
        switch (kind)
        {
            case HttpSmsBody.Json:
                request.AddStringBody(JsonSerializer.Serialize(filled.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal)), ContentType.Json);
                break;
            case HttpSmsBody.Form:
                foreach (var (name, value) in filled) request.AddParameter(name, value, ParameterType.GetOrPost);
                break;
            default:
                foreach (var (name, value) in filled) request.AddQueryParameter(name, value);
                break;
        }

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

        return request;
    }

    public override DeliveryResult[] Read(IReadOnlyList<PendingSend> batch, Exchange answer)
    {
        JsonElement? json = null;
        if (answer.Body.TrimStart().StartsWith('{'))
        {
            try
            {
                json = JsonDocument.Parse(answer.Body).RootElement.Clone();
            }
            catch (JsonException)
            {
                // Not JSON after all: the regex settings may still read it.
            }
        }

        var code = Find(json, _options.ErrorCodePath);
        var message = Find(json, _options.ErrorMessagePath);
        if (!SuccessStatus.Contains(answer.Status))
        {
            return [Refusal(answer, code, message ?? answer.Body)];
        }

        if (_options.SuccessCode is { } successCode && !string.Equals(code, successCode, StringComparison.Ordinal))
        {
            return [DeliveryResult.Permanent(code is null ? "HTTP:no-code" : "HTTP:" + code, "The gateway refused the message: " + Shorten(message ?? answer.Body))];
        }

        if (_success is not null && !_success.IsMatch(answer.Body))
        {
            return [DeliveryResult.Permanent("HTTP:" + answer.Status.ToString(CultureInfo.InvariantCulture), "The gateway's answer is not an acceptance: " + Shorten(answer.Body))];
        }

        var id = Find(json, _options.MessageIdPath) ?? (_messageId?.Match(answer.Body) is { Success: true, Groups.Count: > 1 } m ? m.Groups[1].Value : null);
        return [DeliveryResult.Accepted([string.IsNullOrEmpty(id) ? batch[0].Correlation : id])];
    }

    private static string? Find(JsonElement? json, string? path) =>
        json is { } root && !string.IsNullOrEmpty(path) ? JsonPath.Find(root, path) : null;

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
