using Microsoft.Data.Sqlite;
using WarningHub.Abstractions;

namespace WarningHub.FaultBattery;

/// <summary>One SMS slot of the warning as the ledger holds it.</summary>
public sealed record SlotView(string Address, DeliveryStatus State, bool PossiblyDuplicated, int Attempts);

/// <summary>Reads the hub's SQLite ledger (read-only, after the hub stopped): the warning's SMS slots and accepted message ids.</summary>
internal static class LedgerView
{
    public static (IReadOnlyList<SlotView> Slots, IReadOnlyList<string> MessageIds) Read(string databasePath, string warningId)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var slots = new List<SlotView>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = """
                SELECT sl.address, sl.state, sl.dup, sl.attempts FROM shard sh JOIN slot sl ON sl.id BETWEEN sh.first_slot AND sh.last_slot
                WHERE sh.channel = 'sms' AND sh.warning = (SELECT id FROM warning WHERE public_id = $w)
                """;
            cmd.Parameters.AddWithValue("$w", warningId);
            using var r = cmd.ExecuteReader();
            while (r.Read()) slots.Add(new SlotView(r.GetString(0), (DeliveryStatus)r.GetInt32(1), r.GetInt32(2) != 0, r.GetInt32(3)));
        }

        var ids = new List<string>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT id FROM message";
            using var r = cmd.ExecuteReader();
            while (r.Read()) ids.Add(r.GetString(0));
        }
        return (slots, ids);
    }
}
