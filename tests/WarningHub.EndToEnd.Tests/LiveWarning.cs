using System.Globalization;
using WarningHub.Core.Cap;

namespace WarningHub.EndToEnd.Tests;

/// <summary>Sample warnings made live for a test: fresh identifier, sent now, expiring later.</summary>
internal static class LiveWarning
{
    public static CapAlert Sample(string file, TimeSpan? expiresIn = null, string? identifier = null)
    {
        var alert = CapXmlReader.Read(File.ReadAllText(Repo.Sample(file))).EnsureValid();
        var now = CapTime.ToCapPrecision(TimeProvider.System.GetUtcNow().ToOffset(TimeSpan.FromHours(8)));
        return alert with
        {
            Identifier = identifier ?? "e2e-" + Guid.NewGuid().ToString("N"),
            Sent = now,
            Infos = alert.Infos.Select(i => i with { Effective = now, Onset = now, Expires = now + (expiresIn ?? TimeSpan.FromHours(6)) }).ToList(),
        };
    }

    public static CapAlert CancelOf(CapAlert earlier) => earlier with
    {
        Identifier = earlier.Identifier + "-cancel",
        MsgType = CapMsgType.Cancel,
        Sent = earlier.Sent.AddSeconds(1),
        References = [new CapReference(earlier.Sender, earlier.Identifier, earlier.Sent)],
        Infos = [],
    };

    public static CapAlert UpdateOf(CapAlert earlier) => earlier with
    {
        Identifier = earlier.Identifier + "-update",
        MsgType = CapMsgType.Update,
        Sent = earlier.Sent.AddSeconds(1),
        References = [new CapReference(earlier.Sender, earlier.Identifier, earlier.Sent)],
        Infos = earlier.Infos.Select(i => i with { Headline = i.Headline + "（更新）" }).ToList(),
    };

    public static string Xml(CapAlert alert) => CapXmlWriter.ToXml(alert);

    public static string Stamp() => TimeProvider.System.GetUtcNow().ToString("HHmmssfff", CultureInfo.InvariantCulture);
}
