using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Approval;
using WarningHub.Core.Audit;
using WarningHub.Core.Drills;
using WarningHub.Core.Ledger;
using WarningHub.Core.Notices;
using WarningHub.Core.Reach;
using WarningHub.Core.Users;
using WarningHub.Core.Warnings;

namespace WarningHub.Storage.Sqlite;

public static class SqliteStorageExtensions
{
    /// <summary>The embedded default: warnings, ledger, reach, registry, users, approvals and the audit in one SQLite file.</summary>
    public static IServiceCollection AddSqliteStorage(this IServiceCollection services, Action<SqliteOptions>? configure = null)
    {
        if (configure is not null) services.Configure(configure);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<IOptions<SqliteOptions>>().Value));
        services.TryAddSingleton<SqliteLedger>();
        services.TryAddSingleton<ILedger>(sp => sp.GetRequiredService<SqliteLedger>());
        services.TryAddSingleton<ILedgerMaintenance>(sp => sp.GetRequiredService<SqliteLedger>());
        services.TryAddSingleton<IWarningStore, SqliteWarningStore>();
        services.TryAddSingleton<SqliteReachQuery>();
        services.TryAddSingleton<IReachQuery>(sp => sp.GetRequiredService<SqliteReachQuery>());
        services.TryAddSingleton<IReachEvidence>(sp => sp.GetRequiredService<SqliteReachQuery>());
        services.TryAddSingleton<IHouseholdMarks, SqliteHouseholdMarks>();
        services.TryAddSingleton<SqliteRegistryStore>();
        services.TryAddSingleton<IBroadcastConfirmations, SqliteBroadcastConfirmations>();
        services.TryAddSingleton<SqliteAuditTrail>();
        services.TryAddSingleton<IAuditTrail>(sp => sp.GetRequiredService<SqliteAuditTrail>());
        services.TryAddSingleton<IAuditCursors>(sp => sp.GetRequiredService<SqliteAuditTrail>());
        services.TryAddSingleton<IApprovalStore, SqliteApprovalStore>();
        services.TryAddSingleton<IUserStore, SqliteUserStore>();
        services.TryAddSingleton<INoticeStore, SqliteNoticeStore>();
        services.TryAddSingleton<IAcknowledgementStore, SqliteAcknowledgementStore>();
        services.TryAddSingleton<IVoiceCallStore, SqliteVoiceCallStore>();
        services.TryAddSingleton<IDrillStore, SqliteDrillStore>();
        services.TryAddSingleton<IReceiptDelays, SqliteReceiptDelays>();
        services.TryAddSingleton<IDeliveryTimeline, SqliteDeliveryTimeline>();
        return services;
    }
}
