using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace WarningHub.Core.Cap;

/// <summary>
/// Loads XML from outside into an element tree, refusing what a hostile sender could use: any DTD
/// (billion laughs, external entities, external DTDs), documents over the size limit, and deep nesting.
/// Nothing is ever resolved: there is no resolver, and the DTD is refused before it is read.
/// </summary>
internal static class GuardedXmlLoader
{
    public static XmlReaderSettings Settings(CapReadOptions options) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = options.MaxDocumentLength,

        // 0 would mean "unlimited" to XmlReader. With DTDs prohibited no entity can be declared at all;
        // this is a second lock on the same door. The five predefined entities do not count towards it.
        MaxCharactersFromEntities = 1,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <summary>Returns the root element, or null with the reason in <paramref name="refusal"/>.</summary>
    public static XElement? Load(XmlReader reader, CapReadOptions options, out string? refusal)
    {
        XElement? root = null;
        XElement? current = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        // Checked while reading, at the first element past the limit. It also keeps tree building
                        // linear: adding a child walks up to the root, so depth n would cost n² steps.
                        if (reader.Depth >= options.MaxDepth)
                        {
                            refusal = Invariant($"elements are nested deeper than {options.MaxDepth} levels (line {LineOf(reader)}); CAP needs 5");
                            return null;
                        }

                        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                        if (current is null)
                        {
                            root = element;
                        }
                        else
                        {
                            current.Add(element);
                        }

                        if (!reader.IsEmptyElement)
                        {
                            current = element;
                        }

                        break;
                    case XmlNodeType.EndElement:
                        current = current?.Parent;
                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.SignificantWhitespace:
                        current?.Add(new XText(reader.Value));
                        break;
                }
            }
        }
        catch (XmlException exception)
        {
            refusal = Describe(exception, rootSeen: root is not null, options);
            return null;
        }

        refusal = root is null ? "the document has no root element" : null;
        return root;
    }

    private static string Describe(XmlException exception, bool rootSeen, CapReadOptions options)
    {
        var where = exception.LineNumber > 0
            ? Invariant($" (line {exception.LineNumber}, position {exception.LinePosition})")
            : string.Empty;

        // XmlReader signals both refusals below with XmlException only; its message names the cause.
        if (!rootSeen && exception.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return $"a DOCTYPE (DTD) declaration is refused{where}: CAP needs none, and entities or external "
                + "DTDs are never expanded or fetched";
        }

        if (exception.Message.Contains(nameof(XmlReaderSettings.MaxCharactersInDocument), StringComparison.Ordinal))
        {
            return TooLarge(options);
        }

        return $"not well-formed XML{where}: {exception.Message}";
    }

    public static string TooLarge(CapReadOptions options) =>
        Invariant($"the document exceeds the size limit of {options.MaxDocumentLength} characters");

    private static int LineOf(XmlReader reader) => reader is IXmlLineInfo info ? info.LineNumber : 0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
