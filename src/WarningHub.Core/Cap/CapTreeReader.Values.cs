using System.Globalization;
using System.Xml.Linq;

namespace WarningHub.Core.Cap;

internal sealed partial class CapTreeReader
{
    /// <summary>Checks an element's children against its shape and groups them by name.</summary>
    private Children Inspect(XElement element, CapShape shape, string path, bool allowForeign)
    {
        var children = new Children();
        foreach (var node in element.Nodes())
        {
            if (node is XText text && !string.IsNullOrWhiteSpace(text.Value))
            {
                Report(path, $"{shape.Name} holds text {Quote(text.Value.Trim())} outside its elements");
            }
            else if (node is XElement child)
            {
                var name = child.Name.LocalName;
                if (child.Name.Namespace != CapSchema.Ns)
                {
                    if (!allowForeign)
                    {
                        Report(CapPath.Child(path, name), $"element {child.Name} from another namespace is not allowed in {shape.Name}");
                    }
                }
                else if (shape.Find(name) is not { } field)
                {
                    Report(CapPath.Child(path, name), $"'{CapText.Shorten(name)}' is not a CAP 1.2 element of {shape.Name}");
                }
                else
                {
                    children.Add(field.Name, child);
                }
            }
        }

        foreach (var field in shape.Fields.Where(field => !field.Repeated))
        {
            var count = children.All(field.Name).Count;
            if (count > 1)
            {
                Report(CapPath.Child(path, field.Name), Invariant($"appears {count} times; CAP allows it once"));
            }
        }

        return children;
    }

    /// <summary>The trimmed text of an element that must hold text; null when it holds elements.</summary>
    private string? Value(XElement element, string path)
    {
        if (element.HasElements)
        {
            Report(path, "must hold text, not elements");
            return null;
        }

        return element.Value.Trim();
    }

    private string? Text(Children c, string name, string path) =>
        c.First(name) is { } element && Value(element, CapPath.Child(path, name)) is { Length: > 0 } value ? value : null;

    private string RequiredText(Children c, string name, string path)
    {
        var value = Text(c, name, path);
        complete &= value is not null;
        return value ?? string.Empty;
    }

    private List<string> Texts(Children c, string name, string path)
    {
        var values = new List<string>();
        var elements = c.All(name);
        for (var i = 0; i < elements.Count; i++)
        {
            if (Value(elements[i], CapPath.Item(path, name, i)) is { Length: > 0 } value)
            {
                values.Add(value);
            }
        }

        return values;
    }

    private T? Code<T>(string? text, string path)
        where T : struct, Enum
    {
        if (text is null)
        {
            return null;
        }

        if (CapCode<T>.TryParse(text, out var value))
        {
            return value;
        }

        Report(path, $"{Quote(text)} is not a CAP {typeof(T).Name[3..]} value; expected one of {CapCode<T>.Expected}");
        return null;
    }

    private T RequiredCode<T>(Children c, string name, string path)
        where T : struct, Enum
    {
        var value = Code<T>(Text(c, name, path), CapPath.Child(path, name));
        complete &= value is not null;
        return value ?? default;
    }

    private List<T> Codes<T>(Children c, string name, string path)
        where T : struct, Enum
    {
        var values = new List<T>();
        var elements = c.All(name);
        for (var i = 0; i < elements.Count; i++)
        {
            var itemPath = CapPath.Item(path, name, i);
            if (Code<T>(Value(elements[i], itemPath) is { Length: > 0 } text ? text : null, itemPath) is { } value)
            {
                values.Add(value);
            }
        }

        return values;
    }

    private DateTimeOffset? Time(Children c, string name, string path)
    {
        if (Text(c, name, path) is not { } text)
        {
            return null;
        }

        var readable = CapTime.TryParse(text, out var time, out var problem);
        if (problem is not null)
        {
            Report(CapPath.Child(path, name), problem);
        }

        return readable ? time : null;
    }

    private DateTimeOffset RequiredTime(Children c, string name, string path)
    {
        var value = Time(c, name, path);
        complete &= value is not null;
        return value ?? default;
    }

    private double? Number(Children c, string name, string path)
    {
        if (Text(c, name, path) is not { } text)
        {
            return null;
        }

        if (CapPoint.TryParseNumber(text, out var value))
        {
            return value;
        }

        Report(CapPath.Child(path, name), $"{Quote(text)} is not a number");
        return null;
    }

    private long? WholeNumber(Children c, string name, string path)
    {
        if (Text(c, name, path) is not { } text)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Report(CapPath.Child(path, name), $"{Quote(text)} is not a whole number of bytes");
        return null;
    }
}
