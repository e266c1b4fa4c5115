using System.Globalization;

namespace WarningHub.Core.Cap;

public static partial class CapValidator
{
    private static void LimitAlert(CapAlert alert, Problems problems)
    {
        problems.MaxLength(alert.Identifier, CapLimits.Token, "identifier");
        problems.MaxLength(alert.Sender, CapLimits.Token, "sender");
        problems.MaxLength(alert.Note, CapLimits.Note, "note");
        problems.MaxCount(alert.References.Count, CapLimits.References, "references", "references");
        problems.MaxCount(alert.Infos.Count, CapLimits.Infos, "info", "info blocks");
    }

    private static void LimitInfo(CapInfo info, string path, Problems problems)
    {
        problems.MaxLength(info.Event, CapLimits.Event, CapPath.Child(path, "event"));
        problems.MaxLength(info.SenderName, CapLimits.SenderName, CapPath.Child(path, "senderName"));
        problems.MaxLength(info.Headline, CapLimits.Headline, CapPath.Child(path, "headline"));
        problems.MaxLength(info.Description, CapLimits.LongText, CapPath.Child(path, "description"));
        problems.MaxLength(info.Instruction, CapLimits.LongText, CapPath.Child(path, "instruction"));
        problems.MaxLength(info.Contact, CapLimits.Contact, CapPath.Child(path, "contact"));
        problems.MaxLength(info.Web, CapLimits.Contact, CapPath.Child(path, "web"));
        problems.MaxCount(info.Parameters.Count, CapLimits.Parameters, CapPath.Child(path, "parameter"), "parameters");
        problems.MaxCount(info.Areas.Count, CapLimits.Areas, CapPath.Child(path, "area"), "areas");
    }

    private static void LimitArea(CapArea area, string path, Problems problems)
    {
        problems.MaxLength(area.AreaDesc, CapLimits.AreaDesc, CapPath.Child(path, "areaDesc"));
        problems.MaxCount(area.Geocodes.Count, CapLimits.Geocodes, CapPath.Child(path, "geocode"), "geocodes");
        problems.MaxCount(area.Polygons.Count, CapLimits.Shapes, CapPath.Child(path, "polygon"), "polygons");
        problems.MaxCount(area.Circles.Count, CapLimits.Shapes, CapPath.Child(path, "circle"), "circles");
        for (var i = 0; i < area.Polygons.Count; i++)
        {
            if (area.Polygons[i] is { } polygon)
            {
                problems.MaxCount(polygon.Points.Count, CapLimits.PolygonPoints, CapPath.Item(path, "polygon", i), "points");
            }
        }
    }

    private sealed partial class Problems
    {
        public void MaxLength(string? value, int limit, string path)
        {
            if (value is not null && value.Length > limit)
            {
                Add(path, Invariant($"has {value.Length:N0} characters; this hub takes at most {limit:N0}"));
            }
        }

        public void MaxCount(int count, int limit, string path, string what)
        {
            if (count > limit)
            {
                Add(path, Invariant($"has {count:N0} {what}; this hub takes at most {limit:N0}"));
            }
        }

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
    }
}
