using System.Text.Json;
using ChannelNames = WarningHub.Core.Planning.Channels;

namespace WarningHub.Cli.Demo;

/// <summary>One channel's slot counts from GET /api/v1/warnings/{id}.</summary>
internal sealed record ChannelProgress(int Planned, int Sent, int Delivered, int Failed, int Unconfirmed, int Pending, int AwaitingReceipt, int PossiblyDuplicated)
{
    public static ChannelProgress None { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public int Final => Planned - Pending;

    public static ChannelProgress Read(JsonElement channel)
    {
        int N(string name) => channel.GetProperty(name).GetInt32();
        return new ChannelProgress(N("planned"), N("sent"), N("delivered"), N("failed"), N("unconfirmed"), N("pending"), N("awaitingReceipt"), N("possiblyDuplicated"));
    }
}

/// <summary>One reading of a warning: its state and every channel's counts.</summary>
internal sealed record WarningProgress(string State, IReadOnlyDictionary<string, ChannelProgress> Channels)
{
    /// <summary>The channels the demo shows, in this order, with what they are called on screen.</summary>
    public static IReadOnlyList<(string Channel, string Label)> Shown { get; } =
    [
        (ChannelNames.Sms, "短信 SMS"),
        (ChannelNames.Broadcaster, "广播员 broadcasters' SMS"),
        (ChannelNames.LoudspeakerIp, "大喇叭 IP loudspeakers"),
        (ChannelNames.LoudspeakerSerial, "大喇叭 serial loudspeakers"),
        (ChannelNames.WeChat, "微信 WeChat followers"),
        (ChannelNames.WeCom, "企业微信 WeCom town robots"),
        (ChannelNames.Tv, "电视 TV captions"),
    ];

    /// <summary>Planning is over, something was planned, and every slot of every channel is in a final state.</summary>
    public bool AllFinal => State is not ("Accepted" or "Releasing") && Channels.Values.Any(c => c.Planned > 0) && Channels.Values.All(c => c.Pending == 0);

    public int Pending => Channels.Values.Sum(c => c.Pending);

    public ChannelProgress this[string channel] => Channels.TryGetValue(channel, out var c) ? c : ChannelProgress.None;

    public static WarningProgress Read(JsonElement warning) => new(
        warning.GetProperty("state").GetString() ?? "",
        warning.GetProperty("channels").EnumerateObject().ToDictionary(c => c.Name, c => ChannelProgress.Read(c.Value), StringComparer.Ordinal));
}
