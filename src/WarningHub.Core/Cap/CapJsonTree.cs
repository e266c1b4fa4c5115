using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace WarningHub.Core.Cap;

/// <summary>Converts between the JSON form and the CAP element tree, guided by <see cref="CapSchema"/>.</summary>
internal static class CapJsonTree
{
    /// <summary>Adds the JSON object's properties to <paramref name="target"/> as CAP elements.</summary>
    public static void Fill(XElement target, JsonElement json, CapShape shape, string path, List<CapProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in json.EnumerateObject())
        {
            if (!CapJsonText.TryName(property, out var propertyName))
            {
                Report(problems, path, "has a property name that is not decodable text: " + CapJsonText.Undecodable);
                continue;
            }

            var propertyPath = CapPath.Child(path, propertyName);
            if (!seen.Add(propertyName))
            {
                // JSON parsers disagree on which duplicate wins; a warning must not mean two things.
                Report(problems, propertyPath, "appears more than once");
            }
            else if (shape.Find(propertyName) is not { } field)
            {
                Report(problems, propertyPath, $"'{CapText.Shorten(propertyName)}' is not a CAP 1.2 element of {shape.Name}");
            }
            else if (property.Value.ValueKind == JsonValueKind.Null)
            {
                // null is written by many serializers for "absent".
            }
            else if (!field.Repeated)
            {
                Add(target, field, property.Value, propertyPath, problems);
            }
            else if (property.Value.ValueKind != JsonValueKind.Array)
            {
                Report(problems, propertyPath, "must be an array");
            }
            else
            {
                var index = 0;
                foreach (var item in property.Value.EnumerateArray())
                {
                    Add(target, field, item, CapPath.Item(path, field.Name, index++), problems);
                }
            }
        }
    }

    private static void Add(XElement target, CapField field, JsonElement value, string path, List<CapProblem> problems)
    {
        var name = CapSchema.Name(field.Name);
        switch (field.Kind)
        {
            case CapFieldKind.Text when value.ValueKind == JsonValueKind.String:
                if (!CapJsonText.TryString(value, out var text))
                {
                    Report(problems, path, "is not decodable text: " + CapJsonText.Undecodable);
                }
                else if (HasNonXmlCharacter(text))
                {
                    Report(problems, path, "contains control characters that CAP (XML) text cannot hold");
                }
                else
                {
                    target.Add(new XElement(name, text));
                }

                break;
            case CapFieldKind.Text:
                Report(problems, path, "must be a string");
                break;
            case CapFieldKind.Number when value.ValueKind == JsonValueKind.Number:
                target.Add(new XElement(name, value.GetRawText()));
                break;
            case CapFieldKind.Number:
                Report(problems, path, "must be a number");
                break;
            case CapFieldKind.Group when value.ValueKind == JsonValueKind.Object:
                var child = new XElement(name);
                Fill(child, value, field.Shape!, path, problems);
                target.Add(child);
                break;
            default:
                Report(problems, path, "must be an object");
                break;
        }
    }

    /// <summary>Writes a CAP element as a JSON object: single elements as values, repeated ones as arrays.</summary>
    public static void Write(Utf8JsonWriter writer, XElement element, CapShape shape)
    {
        writer.WriteStartObject();
        foreach (var field in shape.Fields)
        {
            var children = element.Elements(CapSchema.Name(field.Name)).ToList();
            if (children.Count == 0)
            {
                continue;
            }

            writer.WritePropertyName(field.Name);
            if (field.Repeated)
            {
                writer.WriteStartArray();
                children.ForEach(child => WriteValue(writer, child, field));
                writer.WriteEndArray();
            }
            else
            {
                WriteValue(writer, children[0], field);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter writer, XElement element, CapField field)
    {
        switch (field.Kind)
        {
            case CapFieldKind.Group:
                Write(writer, element, field.Shape!);
                break;
            case CapFieldKind.Number:
                // Numbers come from the model formatted invariantly; a non-finite one throws here, as it should.
                writer.WriteRawValue(element.Value);
                break;
            default:
                writer.WriteStringValue(element.Value);
                break;
        }
    }

    private static bool HasNonXmlCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i]))
            {
                continue;
            }

            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }

            return true;
        }

        return false;
    }

    private static void Report(List<CapProblem> problems, string path, string reason) =>
        problems.Add(new CapProblem(path.Length == 0 ? CapProblem.DocumentPath : path, reason));
}
