using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using WarningHub.Abstractions;

namespace WarningHub.Engine.Tests;

/// <summary>Records the jobs the engine would put on Hangfire, without running them.</summary>
internal sealed class RecordingJobClient : IBackgroundJobClient
{
    public ConcurrentQueue<(Job Job, IState State)> Created { get; } = new();

    public string Create(Job job, IState state)
    {
        Created.Enqueue((job, state));
        return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}

/// <summary>An adapter whose answer per address the test decides; it counts what it was asked to send.</summary>
internal sealed class ScriptedSender(Func<TextMessage, int, DeliveryResult> answer, int maxInFlight = 8) : ITextSender
{
    private int _sends;

    public ChannelDefinition Definition { get; } = new("fake:sms", "sms", 1000, SupportsReceipts: true, MaxInFlight: maxInFlight);

    public ConcurrentBag<TextMessage> Sent { get; } = [];

    public int Sends => Volatile.Read(ref _sends);

    public Action<int>? OnSend { get; set; }

    public ValueTask<DeliveryResult> SendAsync(TextMessage message, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _sends);
        Sent.Add(message);
        OnSend?.Invoke(n);
        return ValueTask.FromResult(answer(message, n));
    }
}

/// <summary>A scripted sender whose gateway the test takes down and brings back.</summary>
internal sealed class ScriptedGateway(Func<TextMessage, int, DeliveryResult> answer, TimeProvider time) : ITextSender, IGatewayHealth
{
    private readonly ScriptedSender _inner = new(answer);

    public ChannelDefinition Definition => _inner.Definition;

    public GatewayHealth Health { get; private set; } = GatewayHealth.Up(time.GetUtcNow());

    public int Sends => _inner.Sends;

    public ConcurrentBag<TextMessage> Sent => _inner.Sent;

    public void Down(string problem) => Health = GatewayHealth.Down(problem, time.GetUtcNow());

    public void Up() => Health = GatewayHealth.Up(time.GetUtcNow());

    public ValueTask<DeliveryResult> SendAsync(TextMessage message, CancellationToken cancellationToken) =>
        Health.IsUp ? _inner.SendAsync(message, cancellationToken) : ValueTask.FromResult(DeliveryResult.Unavailable(Health.Problem!));
}

/// <summary>A WeCom group robot per town (its address is the town's code) that accepts every message and keeps it.</summary>
internal sealed class RecordingWeComRobots(params string[] towns) : ITextSender, IFixedAddresses
{
    public ChannelDefinition Definition { get; } = new("fake:wecom", "wecom", 20, SupportsReceipts: false, MaxInFlight: 4);

    public IReadOnlyList<string> Addresses { get; } = towns;

    public ConcurrentQueue<TextMessage> Sent { get; } = new();

    public ValueTask<DeliveryResult> SendAsync(TextMessage message, CancellationToken cancellationToken)
    {
        Sent.Enqueue(message);
        return ValueTask.FromResult(DeliveryResult.Accepted(["robot"]));
    }
}
