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
        return database.WriteAsync((c, tx) => RecordOutcomes(c, tx, outcomes, null, now), cancellationToken);
    }

    public Task RecordOutcomesAsync(IReadOnlyList<SlotOutcome> outcomes, Func<SlotOutcome, SlotOutcome> atWrite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        ArgumentNullException.ThrowIfNull(atWrite);
        if (outcomes.Count == 0) return Task.CompletedTask;
        var now = Now;
        // Named for the writer's accounting like the plain overload.
        return database.WriteAsync((c, tx) => RecordOutcomes(c, tx, outcomes, atWrite, now), cancellationToken, caller: nameof(RecordOutcomesAsync));
    }

    private static int RecordOutcomes(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<SlotOutcome> outcomes, Func<SlotOutcome, SlotOutcome>? atWrite, long now)
    {
        // One prepared statement per target state: the allowed "from" states are part of the SQL.
        var updates = new Dictionary<DeliveryStatus, SqliteCommand>();
        SqliteCommand? deliveredAtOnce = null;
        using var message = c.CreateCommand();
        message.Transaction = tx;
        message.CommandText = "INSERT OR IGNORE INTO message(source, id, slot, state) VALUES ($s, $m, $slot, $st)";
        var mSource = message.Parameters.Add("$s", SqliteType.Text);
        var mId = message.Parameters.Add("$m", SqliteType.Text);
        var mSlot = message.Parameters.Add("$slot", SqliteType.Integer);
        var mState = message.Parameters.Add("$st", SqliteType.Integer);
        // Receipts that overtook these sends were kept (see ApplyReceiptsAsync): they settle their slots here, in the
        // transaction that makes the message known. Skipped at once while none is kept, the usual case.
        var early = HasEarlyReceipts(c, tx) ? new EarlyReceipts(c, tx, now) : null;
        ReceiptStatements? attached = null;
        try
        {
            foreach (var given in outcomes)
            {
                var o = atWrite is null ? given : atWrite(given);
                if (Array.IndexOf(OutcomeStates, o.State) < 0)
                    throw new ArgumentException($"{o.State} is not an outcome of a send.", nameof(outcomes));
                // Every part delivered before the outcome was written: Sending to Delivered in this one update, the
                // message rows inserted settled. Anything less (a part failed or not heard of) settles the usual way.
                var delivered = o.State == DeliveryStatus.Sent && AllDelivered(o);
                SqliteCommand cmd;
                if (delivered)
                {
                    cmd = deliveredAtOnce ??= OutcomeUpdate(c, tx, DeliveryStatus.Sent, deliveredAtOnce: true);
                }
                else if (!updates.TryGetValue(o.State, out cmd!))
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
                    var source = o.Source ?? "";
                    mSource.Value = source;
                    mSlot.Value = o.SlotId;
                    mState.Value = delivered ? (int)DeliveryStatus.Delivered : 0;
                    foreach (var id in ids)
                    {
                        mId.Value = id;
                        message.ExecuteNonQuery();
                        early?.Settle(source, id);
                    }
                    if (!delivered && o.Receipts is { Count: > 0 } receipts)
                    {
                        attached ??= new ReceiptStatements(c, tx, now);
                        foreach (var r in receipts) attached.TryApply(source, r.ProviderMessageId, r.Status == DeliveryStatus.Delivered, r.Code);
                    }
                }
            }
        }
        finally
        {
            early?.Dispose();
            attached?.Dispose();
            deliveredAtOnce?.Dispose();
            foreach (var cmd in updates.Values) cmd.Dispose();
        }
        return 0;
    }

    /// <summary>A receipt saying delivered came for every part of the send.</summary>
    private static bool AllDelivered(in SlotOutcome o)
    {
        if (o.Receipts is not { Count: > 0 } receipts || o.MessageIds is not { Count: > 0 } ids || receipts.Count < ids.Count) return false;
        foreach (var id in ids)
        {
            var found = false;
            foreach (var r in receipts)
            {
                if (r.Status == DeliveryStatus.Delivered && string.Equals(r.ProviderMessageId, id, StringComparison.Ordinal))
                {
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        return true;
    }

    /// <param name="deliveredAtOnce">For a Sent outcome whose every part's receipt came first: the slot ends Delivered.</param>
    private static SqliteCommand OutcomeUpdate(SqliteConnection c, SqliteTransaction tx, DeliveryStatus to, bool deliveredAtOnce = false)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"""
            UPDATE slot SET state = {(int)(deliveredAtOnce ? DeliveryStatus.Delivered : to)},{(deliveredAtOnce ? " parts_ok = $parts," : "")}
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
