using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WarningHub.Simulators.CloudSms;

/// <summary>
/// A cloud SMS platform in the style of the large Chinese ones, on 127.0.0.1, written from the signing scheme in the
/// HTTP SMS adapter's README and independent of the adapter's code: <c>POST /v1/sms/send</c> (sign name, template,
/// template parameters, up to <see cref="CloudSmsSimulatorOptions.MaxBatch"/> numbers, a result per number) and
/// <c>GET /v1/sms/receipts?PageSize=n</c>, which hands out queued receipts once each. Every request must be signed;
/// bad ones get the platform's error. It can be told to fail (<see cref="CloudSmsSimulatorOptions.Fault"/>) and to
/// limit its rate. Signatures are checked in CloudSmsSimulator.Signing.cs, sends in CloudSmsSimulator.Send.cs.
/// </summary>
public sealed partial class CloudSmsSimulator : IAsyncDisposable
{
    private readonly ConcurrentQueue<CloudSmsMessage> _accepted = new();
    private readonly ConcurrentQueue<(string SerialNo, string Phone, bool Delivered)> _receipts = new();
    private WebApplication? _app;
    private long _sendRequests;
    private readonly ConcurrentQueue<DateTimeOffset> _sendTimes = new();
    private long _faulted;
    private long _faultedNumbers;
    private long _serial;
    private int _disposed;

    /// <summary>Creates a simulator; call <see cref="StartAsync"/> to listen.</summary>
    public CloudSmsSimulator(CloudSmsSimulatorOptions? options = null, TimeProvider? time = null)
    {
        Options = options ?? new CloudSmsSimulatorOptions();
        Time = time ?? TimeProvider.System;
    }

    /// <summary>The options it runs with; fault settings may change while it runs.</summary>
    public CloudSmsSimulatorOptions Options { get; }

    /// <summary>The simulator's clock (timestamps, rate limit, fault delays).</summary>
    public TimeProvider Time { get; }

    /// <summary>The base URL to give the adapter as Url (after <see cref="StartAsync"/>), ending in a slash.</summary>
    public Uri BaseUrl { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The port it listens on.</summary>
    public int Port => BaseUrl.Port;

    /// <summary>Send requests that reached it with a body, whatever became of them (faults and refusals included).</summary>
    public long SendRequests => Interlocked.Read(ref _sendRequests);

    /// <summary>When each send request arrived (faults and refusals included), on the simulator's clock: the rate the client sent at.</summary>
    public IReadOnlyCollection<DateTimeOffset> SendRequestTimes => _sendTimes;

    /// <summary>Send requests a fault struck.</summary>
    public long FaultedRequests => Interlocked.Read(ref _faulted);

    /// <summary>Numbers in the send requests a fault struck: at most these may end unknown to the client.</summary>
    public long FaultedNumbers => Interlocked.Read(ref _faultedNumbers);

    /// <summary>Every number accepted, in order.</summary>
    public IReadOnlyCollection<CloudSmsMessage> Accepted => _accepted;

    /// <summary>Requests refused for their signature, timestamp or nonce.</summary>
    public long SignatureFailures => Interlocked.Read(ref _signatureFailures);

    /// <summary>Receipts queued and not yet pulled.</summary>
    public int PendingReceipts => _receipts.Count;

    /// <summary>Starts listening on a free port of 127.0.0.1, or on <paramref name="port"/>.</summary>
    public async Task StartAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(CloudSmsSimulator).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/v1/sms/send", (RequestDelegate)HandleSendAsync);
        app.MapGet("/v1/sms/receipts", (RequestDelegate)HandleReceiptsAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
        _app = app;
    }

    /// <summary>Queues a receipt as the platform would when a handset reports, for a serial number it gave.</summary>
    public void QueueReceipt(string serialNo, string phone, bool delivered) => _receipts.Enqueue((serialNo, phone, delivered));

    /// <summary>Stops listening. A second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0 || _app is null)
        {
            return;
        }

        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleReceiptsAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context).ConfigureAwait(false);
        if (await RefuseUnsignedAsync(context, body).ConfigureAwait(false)) return;
        var size = int.TryParse(context.Request.Query["PageSize"], out var n) && n is > 0 and <= 1000 ? n : 100;
        var page = new List<object>(size);
        while (page.Count < size && _receipts.TryDequeue(out var r))
        {
            page.Add(new
            {
                r.SerialNo,
                PhoneNumber = r.Phone,
                Status = r.Delivered ? "DELIVERED" : "FAILED",
                ErrCode = r.Delivered ? "DELIVRD" : "UNDELIV",
                ReportTime = Time.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            });
        }

        await WriteAsync(context, 200, new { Code = "OK", Message = "OK", RequestId = Guid.NewGuid().ToString("N"), Receipts = page }).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static Task WriteAsync(HttpContext context, int status, object body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(body), context.RequestAborted);
    }

    private static Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        WriteAsync(context, status, new { Code = code, Message = message, RequestId = Guid.NewGuid().ToString("N") });
}
