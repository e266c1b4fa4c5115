using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace WarningHub.Core.Cap;

/// <summary>Writes CAP 1.2 XML (UTF-8, the CAP namespace as default namespace, elements in schema order).</summary>
public static class CapXmlWriter
{
    /// <summary>Writes the alert to a stream as UTF-8 without a byte-order mark; the stream is left open.</summary>
    public static void Write(CapAlert alert, Stream destination, bool indent = true)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(destination);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = indent,
            IndentChars = "  ",
            NewLineChars = "\n",
            CloseOutput = false,
        };
        using var writer = XmlWriter.Create(destination, settings);
        new XDocument(CapTreeWriter.ToTree(alert)).Save(writer);
    }

    /// <summary>The alert as an XML string (with an <c>encoding="utf-8"</c> declaration).</summary>
    public static string ToXml(CapAlert alert, bool indent = true)
    {
        using var buffer = new MemoryStream();
        Write(alert, buffer, indent);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
