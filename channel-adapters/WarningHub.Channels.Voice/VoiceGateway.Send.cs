using System.Globalization;
using System.Net;
using RestSharp;
using WarningHub.Abstractions;

namespace WarningHub.Channels.Voice;

public sealed partial class VoiceGateway
{
    /// <inheritdoc />
    /// <remarks>
    /// 2xx: accepted, under the call id. 429 and 5xx: temporary (with the gateway's Retry-After). 401 and 403: temporary,
    /// the credentials are refused (an operator's fix, not the callee's fault). Other 4xx: permanent. No answer after the
    /// request may have left: unknown (a resend may ring twice, which is better than not at all).
    /// </remarks>
    public async ValueTask<DeliveryResult> SendAsync(TextMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var callee = message.Address.Trim();
        if (callee.StartsWith('+')) callee = callee[1..];
        if (callee.Length is < 5 or > 20 || !callee.All(char.IsAsciiDigit))
            return DeliveryResult.Permanent(null, "the address is no phone number");
        if (string.IsNullOrWhiteSpace(message.Text)) return DeliveryResult.Permanent(null, "nothing to say");
        var callId = message.Fields.TryGetValue(MessageFields.CallId, out var id) && !string.IsNullOrWhiteSpace(id)
            ? id
            : string.Create(CultureInfo.InvariantCulture, $"ref:{message.Reference}");

        var at = await _pacer.WaitTurnAsync(cancellationToken).ConfigureAwait(false);
        var call = new VoiceCallRequest(callId, callee, _options.CallerId, _options.TtsTemplate.Replace("{text}", message.Text.Trim(), StringComparison.Ordinal),
            _options.PlaybackRepeats, (int)_options.MaxCallDuration.TotalSeconds, _options.CallbackUrl?.ToString());
        var (body, headers) = Compose(call, at, VoiceSignature.NewNonce());
        var request = new RestRequest("", Method.Post);
        foreach (var (name, value) in headers) request.AddHeader(name, value);
        request.AddStringBody(body, ContentType.Json);
        if (message.BeforeWrite is { } beforeWrite)
        {
            try
            {
                await beforeWrite(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return DeliveryResult.Temporary(null, "the hub could not record the call before placing it");
            }
        }

        var result = await ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        if (result.Outcome == SendOutcome.Accepted) LogAccepted(callId, Mask(callee), Definition.Name);
        else LogRefused(callId, Mask(callee), Definition.Name, result.Reason ?? result.Outcome.ToString());
        return result.Outcome == SendOutcome.Accepted ? DeliveryResult.Accepted([callId]) : result;
    }

    private async Task<DeliveryResult> ExecuteAsync(RestRequest request, CancellationToken cancellationToken)
    {
        RestResponse response;
        try
        {
            response = await _client.ExecuteAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return DeliveryResult.Unknown("timed out while the request was in flight");
        }

        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300) return DeliveryResult.Accepted([]);
        if (status != 0)
        {
            var code = status.ToString(CultureInfo.InvariantCulture);
            return response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests => DeliveryResult.Temporary(code, "the gateway is throttling", RetryAfterOf(response)),
                HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => DeliveryResult.Temporary(code, "the gateway refused our credentials: check Auth, Secret, ApiKey"),
                _ when status >= 500 => DeliveryResult.Temporary(code, "the gateway failed", RetryAfterOf(response)),
                _ => DeliveryResult.Permanent(code, "the gateway refused the call"),
            };
        }

        if (response.ResponseStatus == ResponseStatus.TimedOut) return DeliveryResult.Unknown("timed out waiting for the gateway's answer");
        var http = FindHttpError(response.ErrorException);
        return http?.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError
            ? DeliveryResult.Temporary(null, $"cannot reach the gateway ({http.HttpRequestError})")
            : DeliveryResult.Unknown($"no answer ({response.ErrorException?.GetType().Name ?? response.ResponseStatus.ToString()})");
    }

    private static TimeSpan? RetryAfterOf(RestResponse response)
    {
        var value = response.Headers?.FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value?.ToString();
        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
    }

    private static HttpRequestException? FindHttpError(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException http && http.StatusCode is null) return http;
        }

        return null;
    }

    /// <summary>A phone number with its middle hidden: 138****5678.</summary>
    internal static string Mask(string phone) => phone.Length <= 7 ? "****" : phone[..3] + "****" + phone[^4..];
}
