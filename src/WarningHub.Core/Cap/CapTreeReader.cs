using System.Globalization;
using System.Xml.Linq;

namespace WarningHub.Core.Cap;

/// <summary>
/// Turns a CAP element tree (from XML, or from JSON spelled as the same tree) into the model.
/// It reports what it cannot read, by path, and keeps going so that every problem is found.
/// Required values it cannot read are replaced by placeholders ("" or 0) and the result is marked
/// incomplete; the validator then names them, and the caller does not hand such an alert out.
/// </summary>
internal sealed partial class CapTreeReader
{
    private readonly List<CapProblem> problems;
    private bool complete = true;

    private CapTreeReader(List<CapProblem> problems) => this.problems = problems;

    public static CapAlert Read(XElement alert, List<CapProblem> problems, out bool complete)
    {
        var reader = new CapTreeReader(problems);
        var result = reader.Alert(alert);
        complete = reader.complete;
        return result;
    }

    private CapAlert Alert(XElement element)
    {
        const string path = CapPath.Root;

        // The schema ends alert with <any namespace="##other">: that is where ds:Signature lives. It is
        // skipped here; verifying signatures is a separate step.
        var c = Inspect(element, CapSchema.Alert, path, allowForeign: true);
        return new CapAlert
        {
            Identifier = RequiredText(c, "identifier", path),
            Sender = RequiredText(c, "sender", path),
            Sent = RequiredTime(c, "sent", path),
            Status = RequiredCode<CapStatus>(c, "status", path),
            MsgType = RequiredCode<CapMsgType>(c, "msgType", path),
            Source = Text(c, "source", path),
            Scope = RequiredCode<CapScope>(c, "scope", path),
            Restriction = Text(c, "restriction", path),
            Addresses = Tokens(c, "addresses", path),
            Codes = Texts(c, "code", path),
            Note = Text(c, "note", path),
            References = References(c, path),
            Incidents = Tokens(c, "incidents", path),
            Infos = [.. c.All("info").Select((info, i) => Info(info, CapPath.Item(path, "info", i)))],
        };
    }

    private IReadOnlyList<CapReference> References(Children c, string path)
    {
        var text = Text(c, "references", path);
        if (text is null)
        {
            return [];
        }

        var reasons = new List<string>();
        var references = CapReference.ParseList(text, reasons);
        foreach (var reason in reasons)
        {
            Report(CapPath.Child(path, "references"), reason);
        }

        return references;
    }

    private IReadOnlyList<string> Tokens(Children c, string name, string path)
    {
        var text = Text(c, name, path);
        if (text is null)
        {
            return [];
        }

        var tokens = CapTokenList.Parse(text, out var problem);
        if (problem is not null)
        {
            Report(CapPath.Child(path, name), problem);
        }

        return tokens;
    }

    private void Report(string path, string reason) =>
        problems.Add(new CapProblem(path.Length == 0 ? CapProblem.DocumentPath : path, reason));

    private static string Quote(string text) =>
        "'" + CapText.Shorten(text) + "'";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
