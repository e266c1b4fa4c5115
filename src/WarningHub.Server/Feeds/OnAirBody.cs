using System.Text.Json;

namespace WarningHub.Server.Feeds;

/// <summary>Reads <c>{"id":"…","onAir":true}</c>; the id may be a string or a number, as stations write it.</summary>
internal static class OnAirBody
{
    public static bool TryRead(ReadOnlySpan<byte> body, out string? id, out bool onAir)
    {
        id = null;
        onAir = false;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 4 });
            using var json = JsonDocument.ParseValue(ref reader);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return false;
            if (!root.TryGetProperty("onAir", out var air) || air.ValueKind is not (JsonValueKind.True or JsonValueKind.False)) return false;
            onAir = air.GetBoolean();
            if (!root.TryGetProperty("id", out var value)) return false;
            id = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            };
            return id is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
