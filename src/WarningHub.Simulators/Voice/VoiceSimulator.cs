using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WarningHub.Simulators.Voice;

/// <summary>A call request the simulator accepted.</summary>
public sealed record SimulatedCall(string CallId, string Callee, string CallerId, string Text, int Repeats, DateTimeOffset At);

/// <summary>A result the simulator posted, with the hub's HTTP status (0 when the post failed).</summary>
public sealed record PostedResult(string CallId, string Callee, string Outcome, string? Keypress, int HubStatus);

/// <summary>
/// An HTTP voice-notification gateway (语音通知) on 127.0.0.1:0 for tests and the demo. <c>POST /calls</c> takes a call
/// request signed with HMAC-SHA256 (hex, over <c>timestamp \n nonce \n body</c>, in X-WH-Timestamp, X-WH-Nonce and
/// X-WH-Signature) or carrying the API key, refuses anything else with 401, and answers 200. Then, after
/// <see cref="VoiceSimulatorOptions.ResultDelay"/> on its <see cref="TimeProvider"/>, the callee's simulated phone
/// decides the outcome (press 1, pick up without pressing, busy, never answer, powered off) and the result is posted,
/// signed the same way, to the request's callback URL. It checks signatures with its own code, not the adapter's.
/// </summary>
public sealed class VoiceSimulator : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<SimulatedCall> _calls = new();
    private readonly ConcurrentQueue<PostedResult> _results = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private WebApplication? _app;
    private int _disposed;
    private int _refused;

    /// <summary>Creates a simulator; call <see cref="StartAsync"/> to listen.</summary>
    public VoiceSimulator(VoiceSimulatorOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? new VoiceSimulatorOptions();
        Time = time ?? TimeProvider.System;
    }

    /// <summary>The options it was created with (phones may be added before calls come).</summary>
    public VoiceSimulatorOptions Options { get; }

    /// <summary>The simulator's clock: result delays and the results' timestamps.</summary>
    public TimeProvider Time { get; }

    /// <summary>The URL to give the adapter as its Url (after <see cref="StartAsync"/>).</summary>
    public Uri CallUrl { get; private set; } = new("http://127.0.0.1/calls");

    /// <summary>Calls accepted, in order.</summary>
    public IReadOnlyList<SimulatedCall> Calls => [.. _calls];

    /// <summary>Results posted, in order.</summary>
    public IReadOnlyList<PostedResult> Results => [.. _results];

    /// <summary>Requests refused for their authentication.</summary>
    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Starts listening on a free port of 127.0.0.1.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(VoiceSimulator).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapPost("/calls", (RequestDelegate)HandleCallAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        CallUrl = new Uri(address.TrimEnd('/') + "/calls");
        _app = app;
    }

    /// <summary>Signs a body as both sides do: lower-case hex HMAC-SHA256 over <c>timestamp \n nonce \n</c> and the body.</summary>
    public static string Sign(string secret, string timestamp, string nonce, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        byte[] data = [.. Encoding.UTF8.GetBytes($"{timestamp}\n{nonce}\n"), .. body];
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));
    }

    private async Task HandleCallAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();
        if (!Authentic(http.Request.Headers, body))
        {
            Interlocked.Increment(ref _refused);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        CallRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<CallRequest>(body, Json);
        }
        catch (JsonException)
        {
            request = null;
        }

        if (request is not { CallId.Length: > 0, Callee.Length: > 0 })
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var call = new SimulatedCall(request.CallId, request.Callee, request.CallerId ?? "", request.Text ?? "", request.Repeats, Time.GetUtcNow());
        _calls.Enqueue(call);
        var callback = request.CallbackUrl is { Length: > 0 } url ? new Uri(url) : Options.CallbackUrl;
        if (callback is not null) _ = PostResultLaterAsync(call, callback);
        await http.Response.WriteAsJsonAsync(new { accepted = true, callId = call.CallId }, http.RequestAborted).ConfigureAwait(false);
    }

    private bool Authentic(IHeaderDictionary headers, byte[] body)
    {
        if (Options.ApiKey is { Length: > 0 } key && headers[Options.ApiKeyHeader].ToString() == key) return true;
        var timestamp = headers["X-WH-Timestamp"].ToString();
        var nonce = headers["X-WH-Nonce"].ToString();
        var signature = headers["X-WH-Signature"].ToString();
        if (timestamp.Length == 0 || nonce.Length == 0 || signature.Length == 0) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(Options.Secret, timestamp, nonce, body)), Encoding.ASCII.GetBytes(signature));
    }

    private async Task PostResultLaterAsync(SimulatedCall call, Uri callback)
    {
        try
        {
            await Task.Delay(Options.ResultDelay, Time, _stop.Token).ConfigureAwait(false);
            var (outcome, keypress) = Options.BehaviourOf(call.Callee) switch
            {
                SimulatedPhone.PressesOne => ("answered", "1"),
                SimulatedPhone.AnswersWithoutPressing => ("answered", (string?)null),
                SimulatedPhone.Busy => ("busy", null),
                SimulatedPhone.PoweredOff => ("poweredOff", null),
                _ => ("noAnswer", null),
            };
            var body = JsonSerializer.SerializeToUtf8Bytes(new { callId = call.CallId, outcome, keypress, endedAt = Time.GetUtcNow() }, Json);
            var timestamp = Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            var nonce = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            using var post = new HttpRequestMessage(HttpMethod.Post, callback) { Content = new ByteArrayContent(body) };
            post.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            post.Headers.Add("X-WH-Timestamp", timestamp);
            post.Headers.Add("X-WH-Nonce", nonce);
            post.Headers.Add("X-WH-Signature", Sign(Options.Secret, timestamp, nonce, body));
            int status;
            try
            {
                using var response = await _http.SendAsync(post, _stop.Token).ConfigureAwait(false);
                status = (int)response.StatusCode;
            }
            catch (HttpRequestException)
            {
                status = 0;
            }

            _results.Enqueue(new PostedResult(call.CallId, call.Callee, outcome, keypress, status));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Stopped: results not yet posted are abandoned, as a gateway that went away would.
        }
    }

    /// <summary>Stops listening and abandons results not yet posted. A second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_app is not null) await _app.DisposeAsync().ConfigureAwait(false);
        _http.Dispose();
        _stop.Dispose();
    }

    private sealed record CallRequest(string CallId, string Callee, string? CallerId, string? Text, int Repeats, string? CallbackUrl);
}
