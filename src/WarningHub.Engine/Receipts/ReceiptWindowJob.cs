using Microsoft.Extensions.Options;
using Quartz;
using WarningHub.Core.Ledger;

namespace WarningHub.Engine.Receipts;

/// <summary>Periodically closes receipt waits: sent slots without a receipt in time become Unconfirmed.</summary>
[DisallowConcurrentExecution]
public sealed class ReceiptWindowJob(ILedgerMaintenance maintenance, IOptions<EngineOptions> options, TimeProvider time) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await maintenance.CloseReceiptWaitsAsync(time.GetUtcNow() - options.Value.ReceiptWindow, cancellationToken);
}
