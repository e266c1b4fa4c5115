using System.Text;

namespace WarningHub.Core.Cap;

/// <summary>
/// CAP's space-delimited lists (<c>addresses</c>, <c>incidents</c>): entries are separated by whitespace and
/// an entry that contains whitespace is enclosed in double quotes.
/// </summary>
internal static class CapTokenList
{
    public static IReadOnlyList<string> Parse(string text, out string? problem)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        problem = null;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
                Flush();
            }
            else if (!quoted && char.IsWhiteSpace(c))
            {
                Flush();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            problem = "has an unmatched double quote";
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
    }

    public static string Format(IEnumerable<string> tokens) =>
        string.Join(' ', tokens.Select(token => token.Any(char.IsWhiteSpace) ? "\"" + token + "\"" : token));
}
