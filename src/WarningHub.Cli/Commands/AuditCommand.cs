using System.CommandLine;
using System.Globalization;
using System.Text;
using WarningHub.Core.Audit;
using WarningHub.Storage.Sqlite;

namespace WarningHub.Cli.Commands;

/// <summary>
/// `warninghub audit verify [--database FILE] [--head HASH [--rows N]]`: exit 0 when the hash chain is intact, 1 naming
/// the first bad row, or, given a head kept from an earlier verify, when the chain no longer holds it (a hash chain alone
/// cannot see rows cut off its end);
/// `warninghub audit export --from --to`: the rows as CSV (RFC 4180), for an inspector.
/// </summary>
internal static class AuditCommand
{
    public static Command Create() => new("audit", "Verify or export the hash-chained audit of every act.") { Verify(), Export() };

    private static Command Verify()
    {
        var database = UsersCommand.Database();
        var head = new Option<string?>("--head")
        {
            Description = "A head hash an earlier verify printed: the chain must still hold that row, or rows were cut off the end.",
        };
        var rows = new Option<long?>("--rows") { Description = "The row count printed with that head: the audit must have at least as many rows." };
        var command = new Command("verify", "Check the audit's hash chain: exit 0 when intact, 1 naming the first changed, missing or reordered row, "
            + "or, with --head, a kept head the chain no longer holds.") { database, head, rows };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(database)!;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"No database at {Path.GetFullPath(path)}.");
                return 2;
            }
            var (keptHead, keptRows) = (parse.GetValue(head)?.Trim(), parse.GetValue(rows));
            if (keptRows is not null && keptHead is null)
            {
                await Console.Error.WriteLineAsync("--rows needs --head: the count is checked with the hash it was printed with.");
                return 2;
            }
            await using var db = new SqliteDatabase(new SqliteOptions { Path = path });
            var trail = new SqliteAuditTrail(db, TimeProvider.System);
            var count = 0L;
            AuditRecord? last = null;
            AuditRecord? kept = null;
            var broken = AuditChain.Verify(trail.ReadChain().Select(r =>
            {
                count++;
                last = r;
                if (keptRows is { } n ? r.Seq == n : string.Equals(r.Hash, keptHead, StringComparison.OrdinalIgnoreCase)) kept = r;
                return r;
            }));
            if (broken is not null)
            {
                await Console.Error.WriteLineAsync($"Audit chain broken at row {broken.Seq}: {broken.Reason}.");
                return 1;
            }
            if (keptHead is not null && HeadMismatch(keptHead, keptRows, kept, count, last) is { } mismatch)
            {
                await Console.Error.WriteLineAsync($"Audit does not hold the kept head: {mismatch}.");
                return 1;
            }
            var (hash, seq) = (last?.Hash ?? AuditChain.Genesis, last?.Seq ?? 0);
            if (kept is not null) Console.WriteLine($"The kept head is row {kept.Seq}; {count - kept.Seq} rows were appended after it.");
            // The chain proves each row follows the one before; only a head kept elsewhere shows rows cut off the end.
            Console.WriteLine($"Audit chain intact: {count} rows, head {hash} (row {seq}).");
            Console.WriteLine($"Keep these elsewhere to detect rows cut off the end later: warninghub audit verify --head {hash} --rows {count}");
            return 0;
        });
        return command;
    }

    /// <summary>Why the chain does not hold the kept head (a hash and, optionally, the row count printed with it); null when it does.</summary>
    private static string? HeadMismatch(string keptHead, long? keptRows, AuditRecord? kept, long count, AuditRecord? last)
    {
        var lastRow = last is null ? "the audit is empty" : $"the last row, {last.Seq}, has hash {last.Hash}";
        if (keptRows is { } n && count < n)
            return $"the row count is short: {count} rows where {n} were kept with head {keptHead}; rows were cut off the end ({lastRow})";
        if (kept is null) return $"no row has hash {keptHead} ({lastRow}); rows were cut off the end or rewritten";
        if (!string.Equals(kept.Hash, keptHead, StringComparison.OrdinalIgnoreCase))
            return $"row {kept.Seq}'s hash {kept.Hash} differs from the kept head {keptHead}; it or a row before it was rewritten";
        return null;
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
