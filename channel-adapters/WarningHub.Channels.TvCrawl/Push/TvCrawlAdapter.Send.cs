using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using RestSharp;
using WarningHub.Abstractions;

namespace WarningHub.Channels.TvCrawl;

public sealed partial class TvCrawlAdapter
{
    /// <summary>
    /// Pushes the caption of one warning to the station of the channel named by <see cref="TextMessage.Address"/>.
    /// Refused without a request (permanent failure): a status other than Actual or Exercise (a drill, marked 【演练】)
    /// in the message fields (a missing status counts as neither), an unknown channel, a pull-only channel.
    /// </summary>
    public async ValueTask<DeliveryResult> SendAsync(TextMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var channel = _options.Find(message.Address);
        if (channel is null) return DeliveryResult.Permanent("NO_CHANNEL", $"no TV channel '{message.Address}' is configured");
        var content = CaptionContent.FromFields(message.Fields, fallbackHeadline: message.Text);
        if (!CaptionComposer.TryCompose(content, channel.MaxLength, out var caption))
        {
            return DeliveryResult.Permanent("NOT_ACTUAL",
                $"TV shows Actual warnings and drills only (status '{(content.Status.Length == 0 ? "missing" : content.Status)}')");
        }
        if (channel.PushUrl is null)
            return DeliveryResult.Permanent("PULL_ONLY", $"channel '{channel.Name}' has no push URL: its caption generator reads the feed");

        var push = CaptionPush.Of(message, channel.Name, caption);
        var request = new RestRequest(new Uri(channel.PushUrl), Method.Post)
            .AddStringBody(JsonSerializer.Serialize(push, CaptionPush.Json), ContentType.Json);
        // Cancelled before the push began: nothing left, and Unknown (below, for a request cut off) would be untrue.
        cancellationToken.ThrowIfCancellationRequested();
        RestResponse response;
        try
        {
            response = await _client.ExecuteAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "Push to TV channel {Channel} failed", channel.Name);
            return DeliveryResult.Unknown("push failed: " + ex.GetType().Name);
        }
        var result = ResultOf(response, channel.Name, message.Reference);
        if (result.Outcome != SendOutcome.Accepted)
            _logger.LogWarning("Push to TV channel {Channel}: {Outcome} {Code} {Reason}", channel.Name, result.Outcome, result.ErrorCode, result.Reason);
        return result;
    }

    private static DeliveryResult ResultOf(RestResponse response, string channel, long reference)
    {
        var status = (int)response.StatusCode;
        var code = status.ToString(CultureInfo.InvariantCulture);
        if (status is >= 200 and < 300)
        {
            var stationId = StationIdOf(response.Content) ?? reference.ToString(CultureInfo.InvariantCulture);
            return DeliveryResult.Accepted([ProviderIdOf(channel, stationId)]);
        }
        if (status is 408 or 425 or 429 or >= 500)
            return DeliveryResult.Temporary(code, $"station answered {status}", RetryAfterOf(response));
        if (status is >= 300 and < 500)
            return DeliveryResult.Permanent(code, $"station answered {status}");
        if (response.ResponseStatus == ResponseStatus.TimedOut)
            return DeliveryResult.Unknown("no answer from the station in time: the caption may be on air");
        // No HTTP answer at all: when the connection never opened, nothing left and a retry is safe.
        var transport = FindHttpError(response.ErrorException);
        return transport is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError
            ? DeliveryResult.Temporary(transport.ToString(), "station unreachable")
            : DeliveryResult.Unknown("connection lost: " + (response.ErrorMessage ?? response.ResponseStatus.ToString()));
    }

    /// <summary>The id in a <c>{"id":…}</c> answer, a string or a number; null when there is none.</summary>
    private static string? StationIdOf(string? body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("id", out var id)) return null;
            var text = id.ValueKind switch
            {
                JsonValueKind.String => id.GetString(),
                JsonValueKind.Number => id.GetRawText(),
                _ => null,
            };
            return string.IsNullOrWhiteSpace(text) || text.Length > 128 ? null : text;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static TimeSpan? RetryAfterOf(RestResponse response)
    {
        var header = response.Headers?.FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value;
        return int.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
    }

    private static HttpRequestError? FindHttpError(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is HttpRequestException http) return http.HttpRequestError;
        }
        return null;
    }
}
