using Microsoft.Data.Sqlite;
using WarningHub.Abstractions;
using WarningHub.Core.Ledger;

namespace WarningHub.Storage.Sqlite;

public sealed partial class SqliteLedger
{
    private static readonly DeliveryStatus[] OutcomeStates =
        [DeliveryStatus.Sent, DeliveryStatus.Queued, DeliveryStatus.Failed, DeliveryStatus.Unconfirmed, DeliveryStatus.Expired, DeliveryStatus.Cancelled];

    public Task RecordOutcomesAsync(IReadOnlyList<SlotOutcome> outcomes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (outcomes.Count == 0) return Task.CompletedTask;
        var now = Now;
        return database.WriteAsync((c, tx) => RecordOutcomes(c, tx, outcomes, now), cancellationToken);
    }

    private static int RecordOutcomes(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<SlotOutcome> outcomes, long now)
    {
        // One prepared statement per target state: the allowed "from" states are part of the SQL.
        var updates = new Dictionary<DeliveryStatus, SqliteCommand>();
        using var message = c.CreateCommand();
        message.Transaction = tx;
        message.CommandText = "INSERT OR IGNORE INTO message(source, id, slot) VALUES ($s, $m, $slot)";
        var mSource = message.Parameters.Add("$s", SqliteType.Text);
        var mId = message.Parameters.Add("$m", SqliteType.Text);
        var mSlot = message.Parameters.Add("$slot", SqliteType.Integer);
        // Receipts that overtook these sends were kept (see ApplyReceiptsAsync): they settle their slots here, in the
        // transaction that makes the message known. Skipped at once while none is kept, the usual case.
        var early = HasEarlyReceipts(c, tx) ? new EarlyReceipts(c, tx, now) : null;
        try
        {
            foreach (var o in outcomes)
            {
                if (Array.IndexOf(OutcomeStates, o.State) < 0)
                    throw new ArgumentException($"{o.State} is not an outcome of a send.", nameof(outcomes));
                if (!updates.TryGetValue(o.State, out var cmd))
                {
                    cmd = OutcomeUpdate(c, tx, o.State);
                    updates[o.State] = cmd;
                }
                var p = cmd.Parameters;
                p[0].Value = o.SlotId;
                p[1].Value = o.MessageIds?.Count ?? 0;
                p[2].Value = o.NextAttemptAt is { } next ? Ms(next) : 0L;
                p[3].Value = o.PossiblyDuplicated ? 1 : 0;
                p[4].Value = (object?)o.Error ?? DBNull.Value;
                p[5].Value = now;
                p[6].Value = o.AttemptSpent ? 1 : 0;
                p[7].Value = string.IsNullOrEmpty(o.Source) ? DBNull.Value : o.Source;
                var changed = cmd.ExecuteNonQuery();
                if (changed == 1 && o.State == DeliveryStatus.Sent && o.MessageIds is { Count: > 0 } ids)
                {
                    mSource.Value = o.Source ?? "";
                    mSlot.Value = o.SlotId;
                    foreach (var id in ids)
                    {
                        mId.Value = id;
                        message.ExecuteNonQuery();
                        early?.Settle(o.Source ?? "", id);
                    }
                }
            }
        }
        finally
        {
            early?.Dispose();
            foreach (var cmd in updates.Values) cmd.Dispose();
        }
        return 0;
    }

    private static SqliteCommand OutcomeUpdate(SqliteConnection c, SqliteTransaction tx, DeliveryStatus to)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"""
            UPDATE slot SET state = {(int)to},
              parts = CASE WHEN $parts > 0 THEN $parts ELSE parts END,
              next_at = CASE WHEN $next > 0 THEN $next ELSE next_at END,
              dup = dup | $dup, error = $err, updated_at = $now, gateway = COALESCE($gw, gateway),{(to == DeliveryStatus.Sent ? " sent_at = $now," : "")}
              attempts = CASE WHEN $spent = 0 AND attempts > 0 THEN attempts - 1 ELSE attempts END
            WHERE id = $id AND state IN ({SlotStateMachine.SqlFromList(to)})
            """;
        cmd.Parameters.Add("$id", SqliteType.Integer);
        cmd.Parameters.Add("$parts", SqliteType.Integer);
        cmd.Parameters.Add("$next", SqliteType.Integer);
        cmd.Parameters.Add("$dup", SqliteType.Integer);
        cmd.Parameters.Add("$err", SqliteType.Text);
        cmd.Parameters.Add("$now", SqliteType.Integer);
        cmd.Parameters.Add("$spent", SqliteType.Integer);
        cmd.Parameters.Add("$gw", SqliteType.Text);
        return cmd;
    }

    private static bool HasEarlyReceipts(SqliteConnection c, SqliteTransaction tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT EXISTS(SELECT 1 FROM early_receipt)";
        return (long)cmd.ExecuteScalar()! != 0;
    }

    /// <summary>Takes a kept receipt of a message that has just become known and applies it.</summary>
    private sealed class EarlyReceipts : IDisposable
    {
        private readonly SqliteCommand _take;
        private readonly SqliteParameter _source, _id;
        private readonly ReceiptStatements _apply;

        public EarlyReceipts(SqliteConnection c, SqliteTransaction tx, long now)
        {
            _take = c.CreateCommand();
            _take.Transaction = tx;
            _take.CommandText = "DELETE FROM early_receipt WHERE source = $s AND id = $m RETURNING ok, code";
            _source = _take.Parameters.Add("$s", SqliteType.Text);
            _id = _take.Parameters.Add("$m", SqliteType.Text);
            _apply = new ReceiptStatements(c, tx, now);
        }

        public void Settle(string source, string messageId)
        {
            _source.Value = source;
            _id.Value = messageId;
            bool ok;
            string code;
            using (var r = _take.ExecuteReader())
            {
                if (!r.Read()) return;
                ok = r.GetInt64(0) != 0;
                code = r.GetString(1);
            }
            _apply.TryApply(source, messageId, ok, code);
        }

        public void Dispose()
        {
            _take.Dispose();
            _apply.Dispose();
        }
    }
}
