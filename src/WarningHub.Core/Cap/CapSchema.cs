using System.Collections.Frozen;
using System.Xml.Linq;

namespace WarningHub.Core.Cap;

/// <summary>How a CAP element holds its content.</summary>
internal enum CapFieldKind
{
    Text,
    Number,
    Group,
}

/// <summary>One element of the CAP 1.2 schema, as seen from its parent.</summary>
internal sealed record CapField(string Name, CapFieldKind Kind, bool Repeated, CapShape? Shape = null);

/// <summary>The children a CAP element may have, in schema order.</summary>
internal sealed class CapShape
{
    private readonly FrozenDictionary<string, CapField> byName;

    public CapShape(string name, params CapField[] fields)
    {
        Name = name;
        Fields = fields;
        byName = fields.ToFrozenDictionary(field => field.Name, StringComparer.Ordinal);
    }

    public string Name { get; }

    public IReadOnlyList<CapField> Fields { get; }

    public CapField? Find(string name) => byName.GetValueOrDefault(name);
}

/// <summary>
/// The CAP 1.2 element tree in schema order. XML and JSON are two spellings of this one tree:
/// the readers turn either into elements of the CAP namespace and share one mapper, so both report the same paths.
/// </summary>
internal static class CapSchema
{
    public static readonly XNamespace Ns = CapAlert.Namespace;

    public static readonly CapShape NamedValue = new(
        "valueName/value pair",
        Text("valueName"),
        Text("value"));

    public static readonly CapShape Resource = new(
        "resource",
        Text("resourceDesc"),
        Text("mimeType"),
        new CapField("size", CapFieldKind.Number, Repeated: false),
        Text("uri"),
        Text("derefUri"),
        Text("digest"));

    public static readonly CapShape Area = new(
        "area",
        Text("areaDesc"),
        Text("polygon", repeated: true),
        Text("circle", repeated: true),
        Group("geocode", NamedValue),
        new CapField("altitude", CapFieldKind.Number, Repeated: false),
        new CapField("ceiling", CapFieldKind.Number, Repeated: false));

    public static readonly CapShape Info = new(
        "info",
        Text("language"),
        Text("category", repeated: true),
        Text("event"),
        Text("responseType", repeated: true),
        Text("urgency"),
        Text("severity"),
        Text("certainty"),
        Text("audience"),
        Group("eventCode", NamedValue),
        Text("effective"),
        Text("onset"),
        Text("expires"),
        Text("senderName"),
        Text("headline"),
        Text("description"),
        Text("instruction"),
        Text("web"),
        Text("contact"),
        Group("parameter", NamedValue),
        Group("resource", Resource),
        Group("area", Area));

    public static readonly CapShape Alert = new(
        "alert",
        Text("identifier"),
        Text("sender"),
        Text("sent"),
        Text("status"),
        Text("msgType"),
        Text("source"),
        Text("scope"),
        Text("restriction"),
        Text("addresses"),
        Text("code", repeated: true),
        Text("note"),
        Text("references"),
        Text("incidents"),
        Group("info", Info));

    public static XName Name(string localName) => Ns + localName;

    private static CapField Text(string name, bool repeated = false) => new(name, CapFieldKind.Text, repeated);

    private static CapField Group(string name, CapShape shape) => new(name, CapFieldKind.Group, Repeated: true, shape);
}
