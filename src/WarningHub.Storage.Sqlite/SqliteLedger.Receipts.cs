using Microsoft.Data.Sqlite;
using WarningHub.Abstractions;

namespace WarningHub.Storage.Sqlite;

public sealed partial class SqliteLedger
{
    public Task<IReadOnlyList<Receipt>> ApplyReceiptsAsync(string source, IReadOnlyList<Receipt> receipts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        if (receipts.Count == 0) return Task.FromResult<IReadOnlyList<Receipt>>([]);
        var now = Now;
        return database.WriteAsync<IReadOnlyList<Receipt>>((c, tx) =>
        {
            using var apply = new ReceiptStatements(c, tx, now);
            using var known = c.CreateCommand();
            known.Transaction = tx;
            known.CommandText = "SELECT 1 FROM message WHERE source = $s AND id = $m";
            known.Parameters.AddWithValue("$s", source);
            var kId = known.Parameters.Add("$m", SqliteType.Text);

            // Kept in the same transaction as the receipts that did match: a receipt the SMSC has been answered for
            // is never only in memory. The first receipt of a message wins, as it does for known messages.
            using var keep = c.CreateCommand();
            keep.Transaction = tx;
            keep.CommandText = "INSERT OR IGNORE INTO early_receipt(source, id, ok, code, received) VALUES ($s, $m, $ok, $code, $now)";
            keep.Parameters.AddWithValue("$s", source);
            var eId = keep.Parameters.Add("$m", SqliteType.Text);
            var eOk = keep.Parameters.Add("$ok", SqliteType.Integer);
            var eCode = keep.Parameters.Add("$code", SqliteType.Text);
            keep.Parameters.AddWithValue("$now", now);

            var unmatched = new List<Receipt>();
            foreach (var receipt in receipts)
            {
                var ok = receipt.Status == DeliveryStatus.Delivered;
                if (apply.TryApply(source, receipt.ProviderMessageId, ok, receipt.Code)) continue;
                kId.Value = receipt.ProviderMessageId;
                if (known.ExecuteScalar() is not null) continue; // a repeated receipt of a settled message
                eId.Value = receipt.ProviderMessageId;
                eOk.Value = ok ? 1 : 0;
                eCode.Value = receipt.Code;
                keep.ExecuteNonQuery();
                unmatched.Add(receipt);
            }
            return unmatched;
        }, cancellationToken);
    }

    public Task<int> DropEarlyReceiptsAsync(DateTimeOffset receivedBefore, CancellationToken cancellationToken) =>
        database.WriteAsync((c, tx) =>
        {
            using var cmd = c.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "DELETE FROM early_receipt WHERE received < $before";
            cmd.Parameters.AddWithValue("$before", Ms(receivedBefore));
            return cmd.ExecuteNonQuery();
        }, cancellationToken);

    /// <summary>
    /// The statements that settle a message and its slot by a receipt, prepared once per transaction: used for
    /// receipts as they arrive and for kept early receipts when their send's outcome is recorded.
    /// </summary>
    private sealed class ReceiptStatements : IDisposable
    {
        private readonly SqliteCommand _claim;
        private readonly SqliteParameter _cState, _cSource, _cId;
        private readonly SqliteCommand _delivered;
        private readonly SqliteParameter _dId;
        private readonly SqliteCommand _failed;
        private readonly SqliteParameter _fId, _fErr;

        public ReceiptStatements(SqliteConnection c, SqliteTransaction tx, long now)
        {
            _claim = c.CreateCommand();
            _claim.Transaction = tx;
            // A part's receipt counts once: repeated receipts find the message already settled.
            _claim.CommandText = "UPDATE message SET state = $st WHERE source = $s AND id = $m AND state = 0 RETURNING slot";
            _cState = _claim.Parameters.Add("$st", SqliteType.Integer);
            _cSource = _claim.Parameters.Add("$s", SqliteType.Text);
            _cId = _claim.Parameters.Add("$m", SqliteType.Text);

            _delivered = c.CreateCommand();
            _delivered.Transaction = tx;
            _delivered.CommandText = $"""
                UPDATE slot SET parts_ok = parts_ok + 1, updated_at = $now,
                  state = CASE WHEN parts_ok + 1 >= parts THEN {(int)DeliveryStatus.Delivered} ELSE state END
                WHERE id = $id AND state = {(int)DeliveryStatus.Sent}
                """;
            _dId = _delivered.Parameters.Add("$id", SqliteType.Integer);
            _delivered.Parameters.AddWithValue("$now", now);

            _failed = c.CreateCommand();
            _failed.Transaction = tx;
            _failed.CommandText = $"UPDATE slot SET state = {(int)DeliveryStatus.Failed}, error = $err, updated_at = $now WHERE id = $id AND state = {(int)DeliveryStatus.Sent}";
            _fId = _failed.Parameters.Add("$id", SqliteType.Integer);
            _fErr = _failed.Parameters.Add("$err", SqliteType.Text);
            _failed.Parameters.AddWithValue("$now", now);
        }

        /// <summary>Settles the message and its slot; false when no unsettled message has that id.</summary>
        public bool TryApply(string source, string messageId, bool ok, string code)
        {
            _cState.Value = ok ? (int)DeliveryStatus.Delivered : (int)DeliveryStatus.Failed;
            _cSource.Value = source;
            _cId.Value = messageId;
            if (_claim.ExecuteScalar() is not long slotId) return false;
            if (ok)
            {
                _dId.Value = slotId;
                _delivered.ExecuteNonQuery();
            }
            else
            {
                _fId.Value = slotId;
                _fErr.Value = "receipt:" + code;
                _failed.ExecuteNonQuery();
            }
            return true;
        }

        public void Dispose()
        {
            _claim.Dispose();
            _delivered.Dispose();
            _failed.Dispose();
        }
    }
}
