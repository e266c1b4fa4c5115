using System.Globalization;
using System.Xml.Linq;

namespace WarningHub.Core.Cap;

/// <summary>Turns the model into the CAP element tree, in schema order, for the XML and JSON writers.</summary>
internal sealed class CapTreeWriter
{
    private readonly bool utcTimes;

    private CapTreeWriter(bool utcTimes) => this.utcTimes = utcTimes;

    /// <param name="alert">The alert.</param>
    /// <param name="utcTimes">Write every time in UTC (the canonical form behind the fingerprint).</param>
    public static XElement ToTree(CapAlert alert, bool utcTimes = false) => new CapTreeWriter(utcTimes).Alert(alert);

    private XElement Alert(CapAlert alert) => new(
        CapSchema.Name("alert"),
        new XAttribute("xmlns", CapAlert.Namespace),
        Required("identifier", alert.Identifier),
        Required("sender", alert.Sender),
        Required("sent", Time(alert.Sent)),
        Required("status", CapCode<CapStatus>.Format(alert.Status)),
        Required("msgType", CapCode<CapMsgType>.Format(alert.MsgType)),
        Optional("source", alert.Source),
        Required("scope", CapCode<CapScope>.Format(alert.Scope)),
        Optional("restriction", alert.Restriction),
        Optional("addresses", CapTokenList.Format(alert.Addresses)),
        alert.Codes.Select(code => Required("code", code)),
        Optional("note", alert.Note),
        Optional("references", string.Join(' ', alert.References.Select(Reference))),
        Optional("incidents", CapTokenList.Format(alert.Incidents)),
        alert.Infos.Select(Info));

    private XElement Info(CapInfo info) => new(
        CapSchema.Name("info"),
        Required("language", info.Language),
        info.Categories.Select(category => Required("category", CapCode<CapCategory>.Format(category))),
        Required("event", info.Event),
        info.ResponseTypes.Select(response => Required("responseType", CapCode<CapResponseType>.Format(response))),
        Required("urgency", CapCode<CapUrgency>.Format(info.Urgency)),
        Required("severity", CapCode<CapSeverity>.Format(info.Severity)),
        Required("certainty", CapCode<CapCertainty>.Format(info.Certainty)),
        Optional("audience", info.Audience),
        info.EventCodes.Select(code => NamedValue("eventCode", code)),
        Optional("effective", Time(info.Effective)),
        Optional("onset", Time(info.Onset)),
        Optional("expires", Time(info.Expires)),
        Optional("senderName", info.SenderName),
        Optional("headline", info.Headline),
        Optional("description", info.Description),
        Optional("instruction", info.Instruction),
        Optional("web", info.Web),
        Optional("contact", info.Contact),
        info.Parameters.Select(parameter => NamedValue("parameter", parameter)),
        info.Resources.Select(Resource),
        info.Areas.Select(Area));

    private static XElement Resource(CapResource resource) => new(
        CapSchema.Name("resource"),
        Required("resourceDesc", resource.ResourceDesc),
        Required("mimeType", resource.MimeType),
        Optional("size", resource.Size?.ToString(CultureInfo.InvariantCulture)),
        Optional("uri", resource.Uri),
        Optional("derefUri", resource.DerefUri),
        Optional("digest", resource.Digest));

    private static XElement Area(CapArea area) => new(
        CapSchema.Name("area"),
        Required("areaDesc", area.AreaDesc),
        area.Polygons.Select(polygon => Required("polygon", polygon.ToCapString())),
        area.Circles.Select(circle => Required("circle", circle.ToCapString())),
        area.Geocodes.Select(geocode => NamedValue("geocode", geocode)),
        Optional("altitude", area.Altitude?.ToString(CultureInfo.InvariantCulture)),
        Optional("ceiling", area.Ceiling?.ToString(CultureInfo.InvariantCulture)));

    private static XElement NamedValue(string name, CapNamedValue pair) => new(
        CapSchema.Name(name),
        Required("valueName", pair.ValueName),
        Required("value", pair.Value));

    private string Reference(CapReference reference) =>
        reference.Sender + "," + reference.Identifier + "," + Time(reference.Sent);

    private string Time(DateTimeOffset time) => CapTime.Format(utcTimes ? time.ToUniversalTime() : time);

    private string? Time(DateTimeOffset? time) => time is { } value ? Time(value) : null;

    private static XElement Required(string name, string? value) => new(CapSchema.Name(name), value ?? string.Empty);

    private static XElement? Optional(string name, string? value) =>
        string.IsNullOrEmpty(value) ? null : new XElement(CapSchema.Name(name), value);
}
