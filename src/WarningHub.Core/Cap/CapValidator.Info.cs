using System.Text.RegularExpressions;

namespace WarningHub.Core.Cap;

public static partial class CapValidator
{
    private static void ValidateInfo(CapAlert alert, CapInfo info, string path, Problems problems)
    {
        if (info is null)
        {
            problems.Add(path, "is missing");
            return;
        }

        if (string.IsNullOrWhiteSpace(info.Language) || !LanguageTag().IsMatch(info.Language))
        {
            problems.Add(CapPath.Child(path, "language"), $"'{info.Language}' is not a language tag like zh-CN or en-US");
        }

        if (info.Categories.Count == 0)
        {
            problems.Add(CapPath.Child(path, "category"), "at least one category is required");
        }

        problems.Codes(info.Categories, CapPath.Child(path, "category"));
        problems.Required(info.Event, CapPath.Child(path, "event"));
        LimitInfo(info, path, problems);
        problems.Codes(info.ResponseTypes, CapPath.Child(path, "responseType"));
        problems.Code(info.Urgency, CapPath.Child(path, "urgency"));
        problems.Code(info.Severity, CapPath.Child(path, "severity"));
        problems.Code(info.Certainty, CapPath.Child(path, "certainty"));
        problems.NamedValues(info.EventCodes, path, "eventCode", valueRequired: false);
        problems.OptionalTime(info.Effective, CapPath.Child(path, "effective"));
        problems.OptionalTime(info.Onset, CapPath.Child(path, "onset"));
        problems.OptionalTime(info.Expires, CapPath.Child(path, "expires"));

        var start = info.Effective ?? alert.Sent;
        if (info.Expires is { } expires && start != default && expires <= start)
        {
            var after = info.Effective is null ? "sent" : "effective";
            problems.Add(
                CapPath.Child(path, "expires"),
                $"({CapTime.Format(expires)}) is not after {after} ({CapTime.Format(start)})");
        }

        if (info.Web is { } web && !Uri.TryCreate(web, UriKind.Absolute, out _))
        {
            problems.Add(CapPath.Child(path, "web"), $"'{CapText.Shorten(web)}' is not an absolute URL");
        }

        problems.NamedValues(info.Parameters, path, "parameter", valueRequired: false);
        for (var i = 0; i < info.Resources.Count; i++)
        {
            ValidateResource(info.Resources[i], CapPath.Item(path, "resource", i), problems);
        }

        for (var i = 0; i < info.Areas.Count; i++)
        {
            ValidateArea(info.Areas[i], CapPath.Item(path, "area", i), problems);
        }
    }

    private static void ValidateResource(CapResource resource, string path, Problems problems)
    {
        if (resource is null)
        {
            problems.Add(path, "is missing");
            return;
        }

        problems.Required(resource.ResourceDesc, CapPath.Child(path, "resourceDesc"));
        problems.Required(resource.MimeType, CapPath.Child(path, "mimeType"));
        if (resource.Size < 0)
        {
            problems.Add(CapPath.Child(path, "size"), "must not be negative");
        }

        if (resource.Digest is { } digest && !Sha1Hex().IsMatch(digest))
        {
            problems.Add(CapPath.Child(path, "digest"), "is not a SHA-1 digest (40 hexadecimal digits)");
        }
    }

    [GeneratedRegex("^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    [GeneratedRegex("^[0-9A-Fa-f]{40}$", RegexOptions.CultureInvariant)]
    private static partial Regex Sha1Hex();
}
