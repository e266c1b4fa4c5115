using System.Xml;
using System.Xml.Linq;

namespace WarningHub.Core.Cap;

/// <summary>
/// Reads CAP 1.2 XML from outside (agencies submit it by API). Hostile input is refused, never resolved;
/// every problem is reported with its path; the alert is validated with <see cref="CapValidator.Validate"/>.
/// </summary>
public static class CapXmlReader
{
    private const string Cap11Namespace = "urn:oasis:names:tc:emergency:cap:1.1";

    /// <summary>Reads a document held in a string.</summary>
    public static CapReadResult Read(string xml, CapReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        options ??= CapReadOptions.Default;
        if (xml.Length > options.MaxDocumentLength)
        {
            return CapReadResult.Refused(GuardedXmlLoader.TooLarge(options));
        }

        using var text = new StringReader(xml);
        using var reader = XmlReader.Create(text, GuardedXmlLoader.Settings(options));
        return Read(reader, options);
    }

    /// <summary>
    /// Reads a document from a stream; the encoding comes from its byte-order mark or XML declaration
    /// (UTF-8, UTF-16, and also GB2312/GBK/GB18030). The stream is left open.
    /// </summary>
    public static CapReadResult Read(Stream xml, CapReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        options ??= CapReadOptions.Default;

        // XmlReader counts every character, whitespace and comments included, so an endless stream
        // stops at the limit too.
        using var input = LegacyXmlEncoding.Inspect(xml, out var legacy);
        using var decoded = legacy is null ? null : new StreamReader(input, legacy, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        using var reader = decoded is null
            ? XmlReader.Create(input, GuardedXmlLoader.Settings(options))
            : XmlReader.Create(decoded, GuardedXmlLoader.Settings(options));
        return Read(reader, options);
    }

    private static CapReadResult Read(XmlReader reader, CapReadOptions options)
    {
        var root = GuardedXmlLoader.Load(reader, options, out var refusal);
        if (root is null)
        {
            return CapReadResult.Refused(refusal!);
        }

        if (root.Name == CapSchema.Name("alert"))
        {
            return CapModelReading.Finish(root);
        }

        return CapReadResult.Refused(root.Name.NamespaceName switch
        {
            _ when root.Name.LocalName != "alert" => $"the root element is <{root.Name.LocalName}>, not a CAP <alert>",
            Cap11Namespace => $"this is CAP 1.1 ({Cap11Namespace}); only CAP 1.2 ({CapAlert.Namespace}) is accepted",
            "" => $"<alert> has no namespace; CAP 1.2 requires xmlns=\"{CapAlert.Namespace}\"",
            var other => $"<alert> is in namespace '{other}'; CAP 1.2 requires {CapAlert.Namespace}",
        });
    }
}
