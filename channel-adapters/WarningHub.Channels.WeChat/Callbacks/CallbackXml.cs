using System.Xml;

namespace WarningHub.Channels.WeChat.Callbacks;

/// <summary>
/// Reads the XML WeChat posts (<c>&lt;xml&gt;&lt;ToUserName&gt;...&lt;/xml&gt;</c>) into its top-level fields, refusing
/// anything hostile: a DOCTYPE (so no entity expansion and no external entities), any resolver, documents over the
/// size limit, more than <see cref="MaxFields"/> fields, and values over <see cref="MaxValueLength"/> characters.
/// Nested elements (some events have them) are skipped.
/// </summary>
internal static class CallbackXml
{
    public const int MaxFields = 64;
    public const int MaxValueLength = 4096;

    public static bool TryParse(byte[] body, int maxBytes, out Dictionary<string, string> fields, out string error)
    {
        fields = new Dictionary<string, string>(StringComparer.Ordinal);
        error = string.Empty;
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxBytes,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = true,
        };

        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body, writable: false), settings);
            if (reader.MoveToContent() != XmlNodeType.Element || reader.Name != "xml")
            {
                error = "the root element is not <xml>";
                return false;
            }

            if (reader.IsEmptyElement)
            {
                return true;
            }

            reader.ReadStartElement();

            // Each round consumes one child of <xml> or ends the document, so the loop is bounded by the body's size.
            while (reader.MoveToContent() == XmlNodeType.Element)
            {
                if (fields.Count >= MaxFields)
                {
                    error = "too many fields";
                    return false;
                }

                var name = reader.Name;
                if (!TryReadValue(reader, out var value))
                {
                    continue;
                }

                if (value.Length > MaxValueLength)
                {
                    error = $"field {name} is too long";
                    return false;
                }

                fields[name] = value;
            }

            return true;
        }
        catch (XmlException ex)
        {
            error = ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase) ? "a DOCTYPE is not allowed" : "malformed XML";
            return false;
        }
    }

    /// <summary>Reads a text element; a nested element is skipped whole and gives no value.</summary>
    private static bool TryReadValue(XmlReader reader, out string value)
    {
        value = string.Empty;
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return true;
        }

        using var subtree = reader.ReadSubtree();
        subtree.Read();
        var text = new System.Text.StringBuilder();
        var nested = false;
        while (subtree.Read())
        {
            switch (subtree.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    text.Append(subtree.Value);
                    break;
                case XmlNodeType.Element:
                    nested = true;
                    break;
            }

            if (text.Length > MaxValueLength)
            {
                break;
            }
        }

        subtree.Close();
        reader.Read();
        value = text.ToString();
        return !nested;
    }
}
