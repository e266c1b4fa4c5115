using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using WarningHub.Core.Ledger;

namespace WarningHub.Engine.Receipts;

/// <summary>
/// Periodically closes receipt waits: sent slots without a receipt in time become Unconfirmed, and kept receipts that
/// no send claimed within <see cref="EngineOptions.UnmatchedReceiptTtl"/> are dropped.
/// </summary>
[DisallowConcurrentExecution]
public sealed class ReceiptWindowJob(ILedgerMaintenance maintenance, IOptions<EngineOptions> options, TimeProvider time, ILogger<ReceiptWindowJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await maintenance.CloseReceiptWaitsAsync(now - options.Value.ReceiptWindow, cancellationToken);
        var dropped = await maintenance.DropEarlyReceiptsAsync(now - options.Value.UnmatchedReceiptTtl, cancellationToken);
        if (dropped > 0) logger.LogWarning("{Count} receipts for unknown messages dropped after {Ttl}", dropped, options.Value.UnmatchedReceiptTtl);
    }
}
