using System.Collections.Concurrent;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Core.Ledger;
using WarningHub.Engine.Shared;

namespace WarningHub.Engine.Sending;

/// <summary>A gateway that cannot take messages, with the shards waiting for it.</summary>
/// <param name="Gateway">The adapter's name.</param>
/// <param name="Channel">The ledger channel it serves.</param>
/// <param name="Problem">Why, in the adapter's words for an operator.</param>
/// <param name="Since">When it went down.</param>
/// <param name="Shards">Shards waiting for it.</param>
/// <param name="Warnings">The warnings those shards belong to.</param>
public sealed record GatewayWait(string Gateway, string Channel, string Problem, DateTimeOffset Since, int Shards, IReadOnlyList<long> Warnings);

/// <summary>
/// Shards whose gateway is down wait here instead of claiming slots (guarantee 9): no attempt is spent, nothing
/// fails, and each shard is queued again as soon as its gateway is back, or ends with its warning. The wait is
/// visible: <see cref="Current"/> feeds status and /health, and the log says when a gateway goes and comes back.
/// The ledger stays the truth: a restart finds these shards unfinished and queues them again.
/// </summary>
public sealed partial class GatewayWaits(ShardQueue queue, ActiveWarnings active, TimeProvider time, ILogger<GatewayWaits> logger) : BackgroundService
{
    /// <summary>How often parked gateways are looked at.</summary>
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<long, (ShardInfo Shard, IReadOnlyList<IGatewayHealth> Gateways)> _parked = new();
    private readonly ConcurrentDictionary<string, byte> _announced = new(StringComparer.Ordinal);

    /// <summary>Keeps <paramref name="shard"/> until <paramref name="gateway"/> is up again.</summary>
    public void Park(ShardInfo shard, IGatewayHealth gateway) => Park(shard, [gateway]);

    /// <summary>Keeps <paramref name="shard"/> until one of <paramref name="gateways"/> (its channel's, all down) is up again.</summary>
    public void Park(ShardInfo shard, IReadOnlyList<IGatewayHealth> gateways)
    {
        ArgumentNullException.ThrowIfNull(shard);
        ArgumentNullException.ThrowIfNull(gateways);
        if (gateways.Count == 0) throw new ArgumentException("A shard waits for at least one gateway.", nameof(gateways));
        _parked[shard.Id] = (shard, gateways);
        foreach (var gateway in gateways)
        {
            if (_announced.TryAdd(gateway.Definition.Name, 0))
            {
                var health = gateway.Health;
                LogGatewayDown(gateway.Definition.Name, health.Since, health.Problem ?? "no connection");
            }
        }
    }

    /// <summary>Every gateway that is down and has shards waiting for it.</summary>
    public IReadOnlyList<GatewayWait> Current =>
        _parked.Values.SelectMany(p => p.Gateways.Select(g => (p.Shard, Gateway: g)))
            .GroupBy(p => p.Gateway.Definition.Name, StringComparer.Ordinal)
            .Select(g =>
            {
                var gateway = g.First().Gateway;
                var health = gateway.Health;
                return new GatewayWait(g.Key, gateway.Definition.Channel, health.Problem ?? "no connection", health.Since, g.Count(),
                    g.Select(p => p.Shard.WarningId).Distinct().Order().ToList());
            })
            .ToList();

    /// <summary>Queues again every parked shard whose gateway is up; returns how many.</summary>
    public int Release()
    {
        var released = 0;
        foreach (var (id, parked) in _parked)
        {
            // A warning that ended while it waited has nothing left to send: its slots were ended with it.
            if (active.StopTokenOf(parked.Shard.WarningId).IsCancellationRequested)
            {
                _parked.TryRemove(id, out _);
                continue;
            }
            if (!parked.Gateways.Any(g => g.Health.IsUp) || !_parked.TryRemove(id, out _)) continue;
            queue.Enqueue(parked.Shard);
            released++;
            foreach (var back in parked.Gateways.Where(g => g.Health.IsUp))
            {
                if (_announced.TryRemove(back.Definition.Name, out _)) LogGatewayBack(back.Definition.Name);
            }
        }
        return released;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (!_parked.IsEmpty) Release();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Parked shards are unfinished in the ledger; the next start queues them again.
        }
    }

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "Gateway {Gateway} is down since {Since:u}: {Problem}. Its messages wait for it without spending attempts")]
    private partial void LogGatewayDown(string gateway, DateTimeOffset since, string problem);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Information, Message = "Gateway {Gateway} is back: its waiting messages are sent")]
    private partial void LogGatewayBack(string gateway);
}
