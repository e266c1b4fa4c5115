using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using WarningHub.Core.Registry;

namespace WarningHub.Core.Audit;

/// <summary>
/// The audit's hash chain. Each row's hash covers the previous row's hash and every field of its own, each
/// length-prefixed so no two different rows can read the same. A changed field, a deleted row (a gap in the
/// sequence) or rows in another order break the chain at the first row that no longer fits.
/// </summary>
public static partial class AuditChain
{
    /// <summary>The "previous hash" of the first row.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Hash(string previous, long seq, DateTimeOffset at, string actor, string action, string subject, string detail)
    {
        var text = new StringBuilder();
        foreach (var field in new[] { previous, seq.ToString(CultureInfo.InvariantCulture), at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), actor, action, subject, detail })
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The row that would follow <paramref name="last"/> (null: the chain is empty).</summary>
    public static AuditRecord Next(AuditRecord? last, DateTimeOffset at, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var seq = (last?.Seq ?? 0) + 1;
        var previous = last?.Hash ?? Genesis;
        // Time to the millisecond, as stored: the hash must recompute from what the table holds.
        var stamp = DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
        var (actor, action, subject, detail) = (Redact(entry.Actor), Redact(entry.Action), Redact(entry.Subject), Redact(entry.Detail));
        return new AuditRecord(seq, stamp, actor, action, subject, detail, previous, Hash(previous, seq, stamp, actor, action, subject, detail));
    }

    /// <summary>The first row that breaks the chain and why, or null when every row fits.</summary>
    public static AuditBreak? Verify(IEnumerable<AuditRecord> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        AuditRecord? before = null;
        foreach (var row in rows)
        {
            var expectedSeq = (before?.Seq ?? 0) + 1;
            if (row.Seq != expectedSeq)
                return new AuditBreak(row.Seq, $"row {row.Seq} follows row {before?.Seq ?? 0}: row {expectedSeq} is missing or out of order");
            var expectedPrevious = before?.Hash ?? Genesis;
            if (!string.Equals(row.Previous, expectedPrevious, StringComparison.Ordinal))
                return new AuditBreak(row.Seq, $"row {row.Seq} does not carry the hash of row {row.Seq - 1}: a row was changed, deleted or reordered");
            if (!string.Equals(row.Hash, Hash(row.Previous, row.Seq, row.At, row.Actor, row.Action, row.Subject, row.Detail), StringComparison.Ordinal))
                return new AuditBreak(row.Seq, $"row {row.Seq} was changed: its content does not match its hash");
            before = row;
        }
        return null;
    }

    /// <summary>Masks every mainland mobile number in <paramref name="text"/> ("13800138000" → "138****8000").</summary>
    public static string Redact(string? text) =>
        string.IsNullOrEmpty(text) ? "" : MobileNumber().Replace(text, m => PhoneNumber.Mask(m.Groups["number"].Value));

    /// <summary>
    /// Masks what a person typed (a rejection reason) more widely than <see cref="Redact"/>: any run of seven or more
    /// digits, spaces, hyphens, dots or brackets between them and a +86 / 0086 prefix allowed, may be a landline or a
    /// number written out ("0833-5123456", "+86 138 0013 8000"). Division codes and hashes the hub writes itself are
    /// not free text and keep their digits. Eleven digits or more keep the first three and last four, shorter runs the last two.
    /// </summary>
    public static string RedactFreeText(string? text) =>
        string.IsNullOrEmpty(text) ? "" : DigitRun().Replace(text, m =>
        {
            var digits = new string([.. m.Value.Where(char.IsAsciiDigit)]);
            if (m.Groups["country"].Success) digits = digits[(digits.IndexOf("86", StringComparison.Ordinal) + 2)..];
            return digits.Length >= 11 ? PhoneNumber.Mask(digits) : string.Concat(new string('*', digits.Length - 2), digits.AsSpan(digits.Length - 2));
        });

    [GeneratedRegex(@"(?<!\d)(?:\+?86[ -]?)?(?<number>1[3-9]\d{9})(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex MobileNumber();

    [GeneratedRegex(@"(?<![\d+])(?<country>(?:\+|00)86[ -]?)?\(?\d(?:[ \-.()]{0,2}\d){6,}(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DigitRun();
}

/// <summary>Where the chain breaks: the first bad row and why.</summary>
public sealed record AuditBreak(long Seq, string Reason);
