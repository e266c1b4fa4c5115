using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Channels.Voice.Tests.Support;
using WarningHub.Simulators.Voice;

namespace WarningHub.Channels.Voice.Tests.Simulator;

/// <summary>The adapter against the simulator, and the simulator's signed results against the adapter's callback check.</summary>
public sealed class VoiceSimulatorTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EachPhone_DoesWhatItIsSetTo_AndTheSignedResultsPassTheCallbackCheck_AfterTheDelayOnTheSimulatorsClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero));
        var options = new VoiceSimulatorOptions { Secret = Gateways.Secret, ResultDelay = TimeSpan.FromSeconds(20), Default = SimulatedPhone.NeverAnswers };
        options.Phones["13800000001"] = SimulatedPhone.PressesOne;
        options.Phones["13800000002"] = SimulatedPhone.Busy;
        options.Phones["13800000003"] = SimulatedPhone.AnswersWithoutPressing;
        options.Rule = number => number.EndsWith('9') ? SimulatedPhone.PoweredOff : null;
        await using var simulator = new VoiceSimulator(options, time);
        await simulator.StartAsync();
        await using var hub = await ResultHost.StartAsync(new VoiceCallback(Gateways.Options(simulator.CallUrl), time));
        // The adapter paces on the system clock (50 a second): on the frozen fake clock its second call would wait for ever.
        using var gateway = new VoiceGateway("sim", Gateways.Options(simulator.CallUrl, o => o.CallbackUrl = hub.Url));

        foreach (var number in new[] { "13800000001", "13800000002", "13800000003", "13800000004", "13800000009" })
        {
            var sent = await gateway.SendAsync(new TextMessage(1, number, "暴雨红色预警") { Fields = new Dictionary<string, string> { [MessageFields.CallId] = "call-" + number } }, default);
            Assert.Equal(SendOutcome.Accepted, sent.Outcome);
        }

        Assert.Equal(5, simulator.Calls.Count);
        Assert.Empty(hub.Reports); // nothing before the delay has passed on the simulator's clock
        time.Advance(TimeSpan.FromSeconds(20));
        Assert.True(await Eventually.TrueAsync(() => hub.Reports.Count == 5, Bound), $"results arrived: {hub.Reports.Count}");

        var byCall = hub.Reports.ToDictionary(r => r.CallId);
        Assert.True(byCall["call-13800000001"].Confirmed);
        Assert.Equal(VoiceCallOutcome.Busy, byCall["call-13800000002"].Outcome);
        Assert.Equal((VoiceCallOutcome.Answered, false), (byCall["call-13800000003"].Outcome, byCall["call-13800000003"].Confirmed));
        Assert.Equal(VoiceCallOutcome.NoAnswer, byCall["call-13800000004"].Outcome);
        Assert.Equal(VoiceCallOutcome.PoweredOff, byCall["call-13800000009"].Outcome);
        Assert.All(simulator.Results, r => Assert.Equal(200, r.HubStatus));
        Assert.Equal(0, hub.Refused);
        Assert.Equal("暴雨红色预警。确认收到请按1。", simulator.Calls[0].Text);
    }

    [Fact]
    public async Task ARequestSignedWithAnotherSecret_IsRefused_AndNothingIsCalled()
    {
        await using var simulator = new VoiceSimulator(new VoiceSimulatorOptions { Secret = "the-simulators-own-secret" });
        await simulator.StartAsync();
        using var gateway = new VoiceGateway("sim", Gateways.Options(simulator.CallUrl));

        var sent = await gateway.SendAsync(new TextMessage(1, "13800000001", "暴雨红色预警"), default);

        Assert.Equal(SendOutcome.TemporaryFailure, sent.Outcome);
        Assert.Equal("401", sent.ErrorCode);
        Assert.Equal(1, simulator.Refused);
        Assert.Empty(simulator.Calls);
    }

    /// <summary>A hub's callback endpoint reduced to the adapter's check: records what passes, counts what is refused.</summary>
    private sealed class ResultHost : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<VoiceCallReport> _reports = new();
        private int _refused;

        private ResultHost(WebApplication app) => _app = app;

        public Uri Url { get; private set; } = new("http://127.0.0.1/");

        public IReadOnlyList<VoiceCallReport> Reports => [.. _reports];

        public int Refused => Volatile.Read(ref _refused);

        public static async Task<ResultHost> StartAsync(VoiceCallback callback)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
            var app = builder.Build();
            var host = new ResultHost(app);
            app.MapPost("/cb", async (HttpContext context) =>
            {
                using var buffer = new MemoryStream();
                await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
                var h = context.Request.Headers;
                var check = callback.Check(h[VoiceSignature.TimestampHeader], h[VoiceSignature.NonceHeader], h[VoiceSignature.SignatureHeader], buffer.ToArray());
                if (check.Report is { } report) host._reports.Enqueue(report);
                else Interlocked.Increment(ref host._refused);
                context.Response.StatusCode = check.StatusCode;
            });
            await app.StartAsync();
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            host.Url = new Uri(address.TrimEnd('/') + "/cb");
            return host;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
