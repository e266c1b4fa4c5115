namespace WarningHub.Core.Cap;

/// <summary>
/// A CAP polygon: a closed ring of at least four points, the first repeated as the last,
/// written <c>lat,lon lat,lon ...</c>. The model keeps whatever it was given; the validator checks the ring.
/// </summary>
public sealed record CapPolygon(IReadOnlyList<CapPoint> Points)
{
    public IReadOnlyList<CapPoint> Points { get; init => field = ValueList.Of(value); } = ValueList.Of(Points);

    /// <summary>True when there are at least four points and the last equals the first.</summary>
    public bool IsClosedRing => Points.Count >= 4 && Points[0] == Points[^1];

    /// <summary>The CAP text form, points separated by single spaces.</summary>
    public string ToCapString() => string.Join(' ', Points.Select(point => point.ToCapString()));

    /// <summary>Reads whitespace-separated <c>lat,lon</c> pairs.</summary>
    public static bool TryParse(string text, out CapPolygon? polygon, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        polygon = null;
        var points = new List<CapPoint>();
        foreach (var token in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!CapPoint.TryParse(token, out var point))
            {
                problem = $"'{CapText.Shorten(token)}' is not a lat,lon pair";
                return false;
            }

            points.Add(point);
        }

        if (points.Count == 0)
        {
            problem = "is empty; expected 'lat,lon lat,lon ...'";
            return false;
        }

        polygon = new CapPolygon(points);
        problem = null;
        return true;
    }
}
