using System.Globalization;

namespace WarningHub.Core.Cap;

public static partial class CapValidator
{
    /// <summary>Collects problems and holds the checks that recur across CAP elements.</summary>
    private sealed partial class Problems
    {
        public List<CapProblem> List { get; } = [];

        public void Add(string path, string reason) => List.Add(new CapProblem(path, reason));

        public void Required(string? value, string path)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(path, "is required");
            }
        }

        /// <summary>identifier and sender: CAP forbids spaces, commas, &lt; and &amp;.</summary>
        public void Token(string? value, string path)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(path, "is required");
                return;
            }

            var offending = value.FirstOrDefault(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ',' or '<' or '&');
            if (offending != default)
            {
                var name = offending switch
                {
                    ',' => "a comma",
                    '<' => "'<'",
                    '&' => "'&'",
                    _ when char.IsWhiteSpace(offending) => "whitespace",
                    _ => "a control character",
                };
                Add(path, $"'{CapText.Shorten(value)}' contains {name}; CAP forbids spaces, commas, < and & here");
            }
        }

        public void Code<T>(T value, string path)
            where T : struct, Enum
        {
            if (!Enum.IsDefined(value))
            {
                var reason = Convert.ToInt64(value, CultureInfo.InvariantCulture) == 0
                    ? $"is required: one of {CapCode<T>.Expected}"
                    : $"{value} is not a CAP {typeof(T).Name[3..]} value; expected one of {CapCode<T>.Expected}";
                Add(path, reason);
            }
        }

        public void Codes<T>(IReadOnlyList<T> values, string path)
            where T : struct, Enum
        {
            for (var i = 0; i < values.Count; i++)
            {
                if (!Enum.IsDefined(values[i]))
                {
                    Add(path + Index(i), $"{values[i]} is not a CAP {typeof(T).Name[3..]} value; expected one of {CapCode<T>.Expected}");
                }
            }
        }

        public void RequiredTime(DateTimeOffset time, string path)
        {
            if (time == default)
            {
                Add(path, "is required");
            }
            else
            {
                OptionalTime(time, path);
            }
        }

        public void OptionalTime(DateTimeOffset? time, string path)
        {
            if (time is { } value && value.Ticks % TimeSpan.TicksPerSecond != 0)
            {
                Add(path, "has fractional seconds; CAP times carry whole seconds (see CapTime.ToCapPrecision)");
            }
        }

        public void NonEmptyEntries(IReadOnlyList<string> entries, string path)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                if (string.IsNullOrWhiteSpace(entries[i]))
                {
                    Add(path + Index(i), "is empty");
                }
            }
        }

        public void NamedValues(IReadOnlyList<CapNamedValue> pairs, string parent, string name, bool valueRequired)
        {
            for (var i = 0; i < pairs.Count; i++)
            {
                var path = CapPath.Item(parent, name, i);
                if (pairs[i] is not { } pair)
                {
                    Add(path, "is missing");
                    continue;
                }

                Required(pair.ValueName, CapPath.Child(path, "valueName"));
                if (valueRequired)
                {
                    Required(pair.Value, CapPath.Child(path, "value"));
                }
            }
        }

        private static string Index(int i) => "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
    }
}
