using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace WarningHub.Core.Cap;

/// <summary>
/// The content fingerprint: SHA-256 over one line per value, <c>path=value</c>, in schema order, times in UTC.
/// The form is our own rather than a serializer's so that a library upgrade cannot change stored fingerprints.
/// </summary>
internal static class CapFingerprint
{
    // Bump when the canonical form changes, so old and new fingerprints never collide by accident.
    private const string Version = "warninghub-cap12-fingerprint-v1\n";

    public static string Compute(CapAlert alert)
    {
        var canonical = new StringBuilder(Version);
        Append(canonical, CapTreeWriter.ToTree(alert, utcTimes: true), CapSchema.Alert, CapPath.Root);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
    }

    private static void Append(StringBuilder canonical, XElement element, CapShape shape, string path)
    {
        foreach (var field in shape.Fields)
        {
            var index = 0;
            foreach (var child in element.Elements(CapSchema.Name(field.Name)))
            {
                var childPath = field.Repeated ? CapPath.Item(path, field.Name, index++) : CapPath.Child(path, field.Name);
                if (field.Shape is { } childShape)
                {
                    Append(canonical, child, childShape, childPath);
                }
                else
                {
                    canonical.Append(childPath).Append('=');
                    foreach (var c in child.Value)
                    {
                        _ = c switch
                        {
                            '\\' => canonical.Append(@"\\"),
                            '\n' => canonical.Append(@"\n"),
                            '\r' => canonical.Append(@"\r"),
                            _ => canonical.Append(c),
                        };
                    }

                    canonical.Append('\n');
                }
            }
        }
    }
}
