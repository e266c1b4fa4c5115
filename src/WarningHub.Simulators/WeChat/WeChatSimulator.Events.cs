using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WarningHub.Simulators.WeChat;

/// <summary>TEMPLATESENDJOBFINISH events posted to the callback URL, signed as WeChat signs them.</summary>
public sealed partial class WeChatSimulator
{
    /// <summary>WeChat tries an event up to three times when the developer's server does not answer.</summary>
    private const int EventAttempts = 3;

    // Events are posted as sends are accepted, hundreds a second; without a cap each waiting post opens its own
    // connection, and a county's followers cost the hub hundreds of sockets. Sixteen keep up and queue the rest.
    private readonly HttpClient _callbacks = new(new SocketsHttpHandler { MaxConnectionsPerServer = 16 }) { Timeout = TimeSpan.FromSeconds(5) };
    private readonly ConcurrentQueue<SimulatedEvent> _events = new();
    private long _pendingEvents;

    /// <summary>Events posted (each attempt), in order.</summary>
    public IReadOnlyList<SimulatedEvent> Events => [.. _events];

    /// <summary>Events scheduled but not yet posted.</summary>
    public long PendingEvents => Interlocked.Read(ref _pendingEvents);

    /// <summary>
    /// The server-configuration handshake WeChat runs when a developer saves the callback URL: a signed GET with an
    /// echostr that the server must echo. True when it did.
    /// </summary>
    public async Task<bool> VerifyCallbackUrlAsync(CancellationToken cancellationToken = default)
    {
        var callback = Options.CallbackUrl ?? throw new InvalidOperationException("No CallbackUrl is configured.");
        var echo = RandomNumberGenerator.GetHexString(16, lowercase: true);
        using var response = await _callbacks.GetAsync(SignedUrl(callback, ("echostr", echo)), cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return response.IsSuccessStatusCode && body == echo;
    }

    /// <summary>WeChat's signature: SHA-1 of token, timestamp and nonce sorted and joined, lower-case hex.</summary>
    public static string Sign(string token, string timestamp, string nonce)
    {
        string[] parts = [token, timestamp, nonce];
        Array.Sort(parts, StringComparer.Ordinal);

        // CA5350: SHA-1 is what WeChat signs with; the simulator must match it.
#pragma warning disable CA5350
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
#pragma warning restore CA5350
    }

    private void ScheduleEvent(SimulatedTemplateMessage message)
    {
        if (Options.CallbackUrl is not { } callback)
        {
            return;
        }

        var status = Options.BlockingOpenIds.Contains(message.OpenId) ? "failed:user block"
            : Chance(Options.SystemFailedRate) ? "failed: system failed"
            : "success";
        Interlocked.Increment(ref _pendingEvents);
        _ = PostEventAsync(callback, message, status, _stop.Token);
    }

    private async Task PostEventAsync(Uri callback, SimulatedTemplateMessage message, string status, CancellationToken cancellationToken)
    {
        try
        {
            if (Options.CallbackDelay > TimeSpan.Zero)
            {
                await Task.Delay(Options.CallbackDelay, Time, cancellationToken).ConfigureAwait(false);
            }

            var created = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var xml = $"<xml><ToUserName><![CDATA[gh_5117a1d2c3e4]]></ToUserName><FromUserName><![CDATA[{message.OpenId}]]></FromUserName>"
                + $"<CreateTime>{created}</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[TEMPLATESENDJOBFINISH]]></Event>"
                + $"<MsgID>{message.MsgId.ToString(CultureInfo.InvariantCulture)}</MsgID><Status><![CDATA[{status}]]></Status></xml>";
            for (var attempt = 1; attempt <= EventAttempts; attempt++)
            {
                var (httpStatus, body) = await PostOnceAsync(SignedUrl(callback, ("openid", message.OpenId)), xml, cancellationToken).ConfigureAwait(false);
                _events.Enqueue(new SimulatedEvent(message.MsgId, status, httpStatus, body));
                if (httpStatus is >= 200 and < 300)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The simulator stopped; the event is abandoned, as WeChat abandons one after its attempts.
        }
        finally
        {
            Interlocked.Decrement(ref _pendingEvents);
        }
    }

    private async Task<(int Status, string Body)> PostOnceAsync(Uri url, string xml, CancellationToken cancellationToken)
    {
        try
        {
            using var content = new StringContent(xml, Encoding.UTF8, "text/xml");
            using var response = await _callbacks.PostAsync(url, content, cancellationToken).ConfigureAwait(false);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (0, string.Empty);
        }
    }

    private Uri SignedUrl(Uri callback, params (string Name, string Value)[] extra)
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var nonce = RandomNumberGenerator.GetInt32(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
        var query = new StringBuilder(callback.Query.Length > 0 ? callback.Query[1..] + "&" : string.Empty)
            .Append("signature=").Append(Sign(Options.CallbackToken, timestamp, nonce))
            .Append("&timestamp=").Append(timestamp)
            .Append("&nonce=").Append(nonce);
        foreach (var (name, value) in extra)
        {
            query.Append('&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        }

        return new UriBuilder(callback) { Query = query.ToString() }.Uri;
    }
}
