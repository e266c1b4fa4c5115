using System.Text.Json;

namespace WarningHub.Cli.Demo;

/// <summary>One reading of a warning's channel counts from GET /api/v1/warnings/{id}.</summary>
internal sealed record ChannelProgress(string State, int Planned, int Sent, int Delivered, int Failed, int Unconfirmed, int Pending, int AwaitingReceipt, int PossiblyDuplicated)
{
    /// <summary>Planning is over and every slot is in a final state.</summary>
    public bool AllFinal => State is not ("Accepted" or "Releasing") && Pending == 0;

    public int Final => Planned - Pending;

    public static ChannelProgress Read(JsonElement warning, string channel)
    {
        var state = warning.GetProperty("state").GetString() ?? "";
        var c = warning.GetProperty("channels").GetProperty(channel);
        int N(string name) => c.GetProperty(name).GetInt32();
        return new ChannelProgress(state, N("planned"), N("sent"), N("delivered"), N("failed"), N("unconfirmed"), N("pending"), N("awaitingReceipt"), N("possiblyDuplicated"));
    }
}
