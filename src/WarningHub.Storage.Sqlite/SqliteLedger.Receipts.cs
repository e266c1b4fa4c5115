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
            using var claim = c.CreateCommand();
            claim.Transaction = tx;
            // A part's receipt counts once: repeated receipts find the message already settled.
            claim.CommandText = "UPDATE message SET state = $st WHERE source = $s AND id = $m AND state = 0 RETURNING slot";
            var cState = claim.Parameters.Add("$st", SqliteType.Integer);
            claim.Parameters.AddWithValue("$s", source);
            var cId = claim.Parameters.Add("$m", SqliteType.Text);

            using var known = c.CreateCommand();
            known.Transaction = tx;
            known.CommandText = "SELECT 1 FROM message WHERE source = $s AND id = $m";
            known.Parameters.AddWithValue("$s", source);
            var kId = known.Parameters.Add("$m", SqliteType.Text);

            using var delivered = c.CreateCommand();
            delivered.Transaction = tx;
            delivered.CommandText = $"""
                UPDATE slot SET parts_ok = parts_ok + 1, updated_at = $now,
                  state = CASE WHEN parts_ok + 1 >= parts THEN {(int)DeliveryStatus.Delivered} ELSE state END
                WHERE id = $id AND state = {(int)DeliveryStatus.Sent}
                """;
            var dId = delivered.Parameters.Add("$id", SqliteType.Integer);
            delivered.Parameters.AddWithValue("$now", now);

            using var failed = c.CreateCommand();
            failed.Transaction = tx;
            failed.CommandText = $"UPDATE slot SET state = {(int)DeliveryStatus.Failed}, error = $err, updated_at = $now WHERE id = $id AND state = {(int)DeliveryStatus.Sent}";
            var fId = failed.Parameters.Add("$id", SqliteType.Integer);
            var fErr = failed.Parameters.Add("$err", SqliteType.Text);
            failed.Parameters.AddWithValue("$now", now);

            var unmatched = new List<Receipt>();
            foreach (var receipt in receipts)
            {
                var ok = receipt.Status == DeliveryStatus.Delivered;
                cState.Value = ok ? (int)DeliveryStatus.Delivered : (int)DeliveryStatus.Failed;
                cId.Value = receipt.ProviderMessageId;
                var slot = claim.ExecuteScalar();
                if (slot is long slotId)
                {
                    if (ok)
                    {
                        dId.Value = slotId;
                        delivered.ExecuteNonQuery();
                    }
                    else
                    {
                        fId.Value = slotId;
                        fErr.Value = "receipt:" + receipt.Code;
                        failed.ExecuteNonQuery();
                    }
                    continue;
                }
                kId.Value = receipt.ProviderMessageId;
                if (known.ExecuteScalar() is null) unmatched.Add(receipt);
            }
            return unmatched;
        }, cancellationToken);
    }
}
