using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace WarningHub.Server.Configuration;

/// <summary>
/// Every key of a section that binding into an options type would refuse: keys no property reads and values that do
/// not convert. The configuration binder stops at the first of them; start-up wants them all. Used only after the
/// binder itself refused the section, so a case this walk does not know can never invent an error.
/// </summary>
internal static class BindingErrors
{
    private const int MaxDepth = 16;

    /// <returns>One line per refused key, each starting with the key's full path.</returns>
    public static IReadOnlyList<string> Of(Type type, IConfiguration section) => Refused(type, section).Select(r => r.ToString()).ToList();

    /// <returns>Every refused key with its full path, so a lenient binding can leave them out.</returns>
    public static IReadOnlyList<Refusal> Refused(Type type, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(section);
        var errors = new List<Refusal>();
        Walk(type, section, errors, 0);
        return errors;
    }

    /// <summary>
    /// The section without its refused keys, paths relative to it: binding it sets every value that converts, so the
    /// section's validator can still judge the rest (a missing required key beside a value that did not convert).
    /// </summary>
    public static IConfiguration Without(IConfiguration section, IReadOnlyList<Refusal> refused)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(refused);
        var prefix = (section as IConfigurationSection)?.Path is { Length: > 0 } path ? path + ":" : "";
        var left = refused.Select(r => r.Path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? r.Path[prefix.Length..] : r.Path).ToList();
        bool IsRefused(string key) => left.Exists(r => key.Equals(r, StringComparison.OrdinalIgnoreCase) || key.StartsWith(r + ":", StringComparison.OrdinalIgnoreCase));
        var kept = section.AsEnumerable(makePathsRelative: true).Where(p => p.Value is not null && !IsRefused(p.Key));
        return new ConfigurationBuilder().AddInMemoryCollection(kept).Build();
    }

    private static void Walk(Type type, IConfiguration section, List<Refusal> errors, int depth)
    {
        if (depth > MaxDepth) return;
        foreach (var child in section.GetChildren())
        {
            var property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || property.GetIndexParameters().Length > 0)
            {
                errors.Add(new(child.Path, $"unknown setting (no setting of {type.Name} has this name)"));
                continue;
            }
            Value(property.PropertyType, child, errors, depth + 1);
        }
    }

    private static void Value(Type type, IConfigurationSection value, List<Refusal> errors, int depth)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (IsSimple(target))
        {
            if (value.GetChildren().Any())
            {
                errors.Add(new(value.Path, $"expects one {Describe(target)}, not a section"));
            }
            else if (!string.IsNullOrEmpty(value.Value) && !Converts(target, value.Value))
            {
                errors.Add(new(value.Path, $"'{value.Value}' is not a valid {Describe(target)}"));
            }
            return;
        }

        if (DictionaryValueType(target) is { } itemType)
        {
            foreach (var item in value.GetChildren()) Value(itemType, item, errors, depth + 1);
            return;
        }

        if (ElementType(target) is { } elementType)
        {
            foreach (var item in value.GetChildren())
            {
                if (!int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    errors.Add(new(item.Path, $"'{item.Key}' is not a list index"));
                    continue;
                }
                Value(elementType, item, errors, depth + 1);
            }
            return;
        }

        if (value.Value is { Length: > 0 } && !value.GetChildren().Any())
        {
            errors.Add(new(value.Path, $"expects a section of settings, not the value '{value.Value}'"));
            return;
        }

        Walk(target, value, errors, depth);
    }

    private static bool IsSimple(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTimeOffset) || type == typeof(Uri) || type == typeof(Guid)
        || (TypeDescriptor.GetConverter(type) is { } converter && converter.GetType() != typeof(TypeConverter)
            && converter.CanConvertFrom(typeof(string)) && !typeof(IEnumerable).IsAssignableFrom(type));

    private static bool Converts(Type type, string text)
    {
        if (type == typeof(string)) return true;
        try
        {
            return TypeDescriptor.GetConverter(type).ConvertFromInvariantString(text) is not null || !type.IsValueType;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
            return false;
        }
        catch (Exception ex) when (ex.InnerException is FormatException or ArgumentException or OverflowException)
        {
            return false;
        }
    }

    private static Type? DictionaryValueType(Type type)
    {
        var dictionary = type.IsGenericType && type.GetGenericTypeDefinition() is var d
            && (d == typeof(Dictionary<,>) || d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>))
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>));
        return dictionary?.GetGenericArguments() is [var key, var item] && key == typeof(string) ? item : null;
    }

    private static Type? ElementType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (type.IsGenericType && type.GetGenericArguments() is [var only] && typeof(IEnumerable<>).MakeGenericType(only).IsAssignableFrom(type)) return only;
        return null;
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte) => "whole number",
        _ when type == typeof(double) || type == typeof(float) || type == typeof(decimal) => "number",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(TimeSpan) => "duration (hh:mm:ss)",
        _ when type.IsEnum => $"one of {string.Join(", ", Enum.GetNames(type))}",
        _ => type.Name,
    };
}

/// <summary>One key of a section that binding would refuse.</summary>
/// <param name="Path">The key's full configuration path.</param>
/// <param name="Problem">Why, for the operator.</param>
internal sealed record Refusal(string Path, string Problem)
{
    public override string ToString() => $"{Path}: {Problem}";
}
