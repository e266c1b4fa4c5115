using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using WarningHub.Core.Cap;
using WarningHub.Core.Reach;
using WarningHub.Core.Registry;
using WarningHub.Core.Warnings;
using WarningHub.Engine.Reach;
using WarningHub.Engine.Shared;
using WarningHub.Storage.Sqlite;

namespace WarningHub.Engine.Tests.Reach;

/// <summary>A cadre's mark on fake time: taken until the warning's expiry plus a day, refused after a cancel, checked against the village.</summary>
public sealed class HouseholdMarkingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Released = new(2026, 7, 15, 2, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("warninghub-marking-");
    private readonly FakeTimeProvider _time = new(Released);
    private SqliteDatabase _database = null!;
    private SqliteHouseholdMarks _marks = null!;
    private HouseholdMarking _marking = null!;
    private CountyRegistry _registry = null!;

    public Task InitializeAsync()
    {
        _database = new SqliteDatabase(new SqliteOptions { Path = Path.Combine(_folder.FullName, "hub.db") });
        _marks = new SqliteHouseholdMarks(_database);
        _registry = new CountyRegistry(
            [new("511124000000", "井研县", RegionLevel.County, "511100000000"), new("511124100000", "示例镇", RegionLevel.Town, "511124000000"),
             new("511124100201", "一村", RegionLevel.Village, "511124100000"), new("511124100202", "二村", RegionLevel.Village, "511124100000")],
            [new(1, "511124100201", "一村1组1号", null, null), new(2, "511124100202", "二村1组1号", null, null)],
            [new(1, "居民1", "13800138001", 1, "511124100201", null, null, false), new(2, "居民2", null, 2, "511124100202", null, null, false)]);
        var holder = new RegistryHolder { Current = _registry, Endpoints = new CountyEndpoints([], [], [Cadre("511124100201"), Cadre("511124100202")]) };
        _marking = new HouseholdMarking(_marks, holder, new DoorToDoorCadres(holder), _time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Mark_IsTakenUntilADayAfterExpiry_ThenRefused_AndNothingIsRecordedThen()
    {
        var warning = Warning(WarningState.Expired);

        _time.Advance(TimeSpan.FromHours(6) + DoorLinks.ValidAfterExpiry);
        var lastMinute = await _marking.MarkAsync(warning, "511124100201", 1, HouseholdMarkKind.ToldInPerson, Cadre("511124100201"), default);
        _time.Advance(TimeSpan.FromSeconds(1));
        var late = await _marking.MarkAsync(warning, "511124100201", 1, HouseholdMarkKind.Evacuated, Cadre("511124100201"), default);

        Assert.Equal((MarkOutcome.Recorded, MarkOutcome.LinkExpired), (lastMinute, late));
        var marks = await _marks.OfWarningAsync(1, null, default);
        Assert.Equal(HouseholdMarkKind.ToldInPerson, Assert.Single(marks).Kind);
        Assert.Equal(Released + TimeSpan.FromHours(6) + DoorLinks.ValidAfterExpiry, marks[0].At);
    }

    [Theory]
    [InlineData(WarningState.Cancelled, "511124100201", 1L, "511124100201", MarkOutcome.WarningEnded)]
    [InlineData(WarningState.Superseded, "511124100201", 1L, "511124100201", MarkOutcome.WarningEnded)]
    [InlineData(WarningState.Released, "511124100201", 2L, "511124100201", MarkOutcome.UnknownHousehold)]
    [InlineData(WarningState.Released, "511124100201", 99L, "511124100201", MarkOutcome.UnknownHousehold)]
    [InlineData(WarningState.Released, "511124100201", 1L, "511124100202", MarkOutcome.NotTheirs)]
    public async Task Mark_Refused_RecordsNothing(WarningState state, string village, long household, string cadreVillage, MarkOutcome expected)
    {
        var outcome = await _marking.MarkAsync(Warning(state), village, household, HouseholdMarkKind.ToldByPhone, Cadre(cadreVillage), default);

        Assert.Equal(expected, outcome);
        Assert.Empty(await _marks.OfWarningAsync(1, null, default));
    }

    /// <summary>The village_cadre of a village (a county without responsibilities.csv): 7 for 一村, 8 for 二村.</summary>
    private static Officer Cadre(string village) => village == "511124100201"
        ? new(7, "村干部", "13900139007", village, OfficerRole.VillageCadre)
        : new(8, "村干部二", "13900139008", village, OfficerRole.VillageCadre);

    private static WarningRecord Warning(WarningState state) => new()
    {
        Id = 1,
        PublicId = "W20260715-000001",
        Sender = "s",
        Identifier = "i",
        Fingerprint = "f",
        CapStatus = CapStatus.Actual,
        MsgType = CapMsgType.Alert,
        Event = "暴雨",
        Level = null,
        Headline = "h",
        Effective = Released,
        Expires = Released + TimeSpan.FromHours(6),
        SubmittedBy = "a",
        CapXml = "<alert/>",
        State = state,
        ReleasedAt = Released,
    };
}
