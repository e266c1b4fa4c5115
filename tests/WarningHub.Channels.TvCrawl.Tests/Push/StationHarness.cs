using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Simulators.Tv;

namespace WarningHub.Channels.TvCrawl.Tests.Push;

/// <summary>The adapter against a simulated station on loopback: a push channel, a pull-only channel.</summary>
internal sealed class StationHarness : IAsyncDisposable
{
    public const string Secret = "station-secret-0123456789";

    private StationHarness(TvStationSimulator station, TvCrawlAdapter adapter, FakeTimeProvider time)
    {
        Station = station;
        Adapter = adapter;
        Time = time;
    }

    public TvStationSimulator Station { get; }

    public TvCrawlAdapter Adapter { get; }

    public FakeTimeProvider Time { get; }

    public static async Task<StationHarness> StartAsync(TimeSpan? pushTimeout = null, string? pushUrl = null)
    {
        var station = new TvStationSimulator();
        await station.StartAsync();
        var options = new TvCrawlOptions
        {
            PushTimeout = pushTimeout ?? TimeSpan.FromSeconds(5),
            Channels =
            [
                new TvChannelOptions { Name = "jytv", MaxLength = 40, PushUrl = pushUrl ?? station.PushUrl.ToString(), CallbackSecret = Secret },
                new TvChannelOptions { Name = "cable", MaxLength = 60 },
            ],
        };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 7, 15, 2, 31, 0, TimeSpan.Zero));
        return new StationHarness(station, new TvCrawlAdapter(Options.Create(options), time, NullLogger<TvCrawlAdapter>.Instance), time);
    }

    public static TextMessage Message(string channel, string status = "Actual", long reference = 42) =>
        new(reference, channel, "【井研县应急管理局】井研县气象台发布暴雨红色预警信号")
        {
            Fields = new Dictionary<string, string>
            {
                [MessageFields.Status] = status,
                [MessageFields.Event] = "暴雨",
                [MessageFields.Level] = "红色",
                [MessageFields.Area] = "井研县全境",
                [MessageFields.Headline] = "井研县气象台发布暴雨红色预警信号",
                [MessageFields.Instruction] = "山区、河谷、低洼地带人员立即转移到安全地带。",
                [MessageFields.WarningId] = "W20260715-000001",
            },
        };

    public async ValueTask DisposeAsync()
    {
        Adapter.Dispose();
        await Station.DisposeAsync();
    }
}
