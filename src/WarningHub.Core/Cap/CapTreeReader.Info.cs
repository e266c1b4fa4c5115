using System.Xml.Linq;

namespace WarningHub.Core.Cap;

internal sealed partial class CapTreeReader
{
    private CapInfo Info(XElement element, string path)
    {
        var c = Inspect(element, CapSchema.Info, path, allowForeign: false);
        var categories = Codes<CapCategory>(c, "category", path);
        complete &= categories.Count > 0;
        return new CapInfo
        {
            Language = Text(c, "language", path) ?? CapInfo.DefaultLanguage,
            Categories = categories,
            Event = RequiredText(c, "event", path),
            ResponseTypes = Codes<CapResponseType>(c, "responseType", path),
            Urgency = RequiredCode<CapUrgency>(c, "urgency", path),
            Severity = RequiredCode<CapSeverity>(c, "severity", path),
            Certainty = RequiredCode<CapCertainty>(c, "certainty", path),
            Audience = Text(c, "audience", path),
            EventCodes = NamedValues(c, "eventCode", path),
            Effective = Time(c, "effective", path),
            Onset = Time(c, "onset", path),
            Expires = Time(c, "expires", path),
            SenderName = Text(c, "senderName", path),
            Headline = Text(c, "headline", path),
            Description = Text(c, "description", path),
            Instruction = Text(c, "instruction", path),
            Web = Text(c, "web", path),
            Contact = Text(c, "contact", path),
            Parameters = NamedValues(c, "parameter", path),
            Resources = [.. c.All("resource").Select((resource, i) => Resource(resource, CapPath.Item(path, "resource", i)))],
            Areas = [.. c.All("area").Select((area, i) => Area(area, CapPath.Item(path, "area", i)))],
        };
    }

    private CapResource Resource(XElement element, string path)
    {
        var c = Inspect(element, CapSchema.Resource, path, allowForeign: false);
        return new CapResource
        {
            ResourceDesc = RequiredText(c, "resourceDesc", path),
            MimeType = RequiredText(c, "mimeType", path),
            Size = WholeNumber(c, "size", path),
            Uri = Text(c, "uri", path),
            DerefUri = Text(c, "derefUri", path),
            Digest = Text(c, "digest", path),
        };
    }

    private CapArea Area(XElement element, string path)
    {
        var c = Inspect(element, CapSchema.Area, path, allowForeign: false);
        return new CapArea
        {
            AreaDesc = RequiredText(c, "areaDesc", path),
            Polygons = Shapes<CapPolygon>(c, "polygon", path, CapPolygon.TryParse),
            Circles = Shapes<CapCircle>(c, "circle", path, CapCircle.TryParse),
            Geocodes = NamedValues(c, "geocode", path),
            Altitude = Number(c, "altitude", path),
            Ceiling = Number(c, "ceiling", path),
        };
    }

    private delegate bool ShapeParser<T>(string text, out T? shape, out string? problem);

    private List<T> Shapes<T>(Children c, string name, string path, ShapeParser<T> parse)
        where T : class
    {
        var shapes = new List<T>();
        var elements = c.All(name);
        for (var i = 0; i < elements.Count; i++)
        {
            var itemPath = CapPath.Item(path, name, i);
            if (Value(elements[i], itemPath) is not { } text)
            {
                continue;
            }

            if (parse(text, out var shape, out var problem))
            {
                shapes.Add(shape!);
            }
            else
            {
                Report(itemPath, problem!);
            }
        }

        return shapes;
    }

    private List<CapNamedValue> NamedValues(Children c, string name, string path)
    {
        var values = new List<CapNamedValue>();
        var elements = c.All(name);
        for (var i = 0; i < elements.Count; i++)
        {
            var itemPath = CapPath.Item(path, name, i);
            var pair = Inspect(elements[i], CapSchema.NamedValue, itemPath, allowForeign: false);

            // An empty <value/> is kept as ""; the validator decides where that matters (geocodes).
            values.Add(new CapNamedValue(RequiredText(pair, "valueName", itemPath), Text(pair, "value", itemPath) ?? string.Empty));
        }

        return values;
    }
}
