using System.Xml.Linq;

namespace WarningHub.Core.Cap;

internal sealed partial class CapTreeReader
{
    /// <summary>An element's CAP children by name, in document order.</summary>
    private sealed class Children
    {
        private readonly Dictionary<string, List<XElement>> byName = new(StringComparer.Ordinal);

        public void Add(string name, XElement element)
        {
            if (!byName.TryGetValue(name, out var list))
            {
                byName[name] = list = [];
            }

            list.Add(element);
        }

        public List<XElement> All(string name) => byName.TryGetValue(name, out var list) ? list : [];

        public XElement? First(string name) => byName.TryGetValue(name, out var list) ? list[0] : null;
    }
}
