using System.CommandLine;
using System.Globalization;
using System.Text;
using WarningHub.Core.Audit;
using WarningHub.Storage.Sqlite;

namespace WarningHub.Cli.Commands;

/// <summary>
/// `warninghub audit verify [--database FILE]`: exit 0 when the hash chain is intact, 1 naming the first bad row;
/// `warninghub audit export --from --to`: the rows as CSV (RFC 4180), for an inspector.
/// </summary>
internal static class AuditCommand
{
    public static Command Create() => new("audit", "Verify or export the hash-chained audit of every act.") { Verify(), Export() };

    private static Command Verify()
    {
        var database = UsersCommand.Database();
        var command = new Command("verify", "Check the audit's hash chain: exit 0 when intact, 1 naming the first changed, missing or reordered row.") { database };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(database)!;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"No database at {Path.GetFullPath(path)}.");
                return 2;
            }
            await using var db = new SqliteDatabase(new SqliteOptions { Path = path });
            var trail = new SqliteAuditTrail(db, TimeProvider.System);
            var count = 0L;
            AuditRecord? last = null;
            var broken = AuditChain.Verify(trail.ReadChain().Select(r =>
            {
                count++;
                last = r;
                return r;
            }));
            if (broken is not null)
            {
                await Console.Error.WriteLineAsync($"Audit chain broken at row {broken.Seq}: {broken.Reason}.");
                return 1;
            }
            Console.WriteLine($"Audit chain intact: {count} rows; head {last?.Hash ?? AuditChain.Genesis} (row {last?.Seq ?? 0}). Keep the head elsewhere to detect rows cut off the end.");
            return 0;
        });
        return command;
    }

    private static Command Export()
    {
        var from = new Option<DateTimeOffset?>("--from") { Description = "First instant (ISO 8601, e.g. 2026-07-15T00:00:00+08:00); default: the beginning." };
        var to = new Option<DateTimeOffset?>("--to") { Description = "Instant after the last row; default: now." };
        var output = new Option<FileInfo?>("--out") { Description = "CSV file to write; default: standard output." };
        var database = UsersCommand.Database();
        var command = new Command("export", "Write audit rows as CSV: seq, at (UTC), actor, action, subject, detail, prev, hash.") { from, to, output, database };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (start, end) = (parse.GetValue(from), parse.GetValue(to));
            if (start is { } s && end is { } e && e <= s)
            {
                await Console.Error.WriteLineAsync("--to must be after --from.");
                return 2;
            }
            await using var db = new SqliteDatabase(new SqliteOptions { Path = parse.GetValue(database)! });
            var rows = await new SqliteAuditTrail(db, TimeProvider.System).ReadAsync(start, end, cancellationToken);
            var csv = new StringBuilder("seq,at,actor,action,subject,detail,prev,hash\r\n");
            foreach (var r in rows)
            {
                csv.AppendJoin(',', r.Seq.ToString(CultureInfo.InvariantCulture), r.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                    Field(r.Actor), Field(r.Action), Field(r.Subject), Field(r.Detail), r.Previous, r.Hash).Append("\r\n");
            }
            if (parse.GetValue(output) is { } file) await File.WriteAllTextAsync(file.FullName, csv.ToString(), new UTF8Encoding(false), cancellationToken);
            else await Console.Out.WriteAsync(csv.ToString());
            await Console.Error.WriteLineAsync($"{rows.Count} rows exported.");
            return 0;
        });
        return command;
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
