using Microsoft.Data.Sqlite;
using WarningHub.Core.Registry;

namespace WarningHub.Storage.Sqlite.Tests;

public sealed class SqliteRegistryStoreTests
{
    private const string County = "511124000000";
    private const string Town = "511124100000";
    private const string Village = "511124100201";
    private const string OtherVillage = "511124100202";

    [Fact]
    public async Task SaveRegistryAndEndpoints_ThenLoad_GivesBothBack()
    {
        await using var temp = new TempDatabase();
        var store = new SqliteRegistryStore(temp.Database);
        var endpoints = Endpoints("t1");

        await store.SaveAsync(Registry(Village), endpoints, default);
        await temp.ReopenAsync();
        store = new SqliteRegistryStore(temp.Database);

        var registry = store.Load()!;
        Assert.Equal([Village], registry.Villages.Select(v => v.Code));
        Assert.Equal(1, registry.Households[0].CadreId);
        var loaded = store.LoadEndpoints();
        Assert.Equal(endpoints.Terminals, loaded.Terminals);
        Assert.Equal(endpoints.Subscribers.OrderBy(s => s.OpenId, StringComparer.Ordinal), loaded.Subscribers); // loaded in openid order
        Assert.Equal(endpoints.Officers, loaded.Officers);
        Assert.Equal(endpoints.Responsibilities.OrderBy(r => r.RegionCode, StringComparer.Ordinal), loaded.Responsibilities); // in region order
    }

    [Fact]
    public async Task Load_DatabaseMadeBeforeCadreIds_GainsTheColumnAndReadsNull()
    {
        await using var temp = new TempDatabase();
        await using (var connection = new SqliteConnection($"Data Source={temp.Path}"))
        {
            await connection.OpenAsync();
            using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE household(id INTEGER PRIMARY KEY, village TEXT NOT NULL, address TEXT NOT NULL, lat REAL, lon REAL);" +
                "CREATE TABLE region(code TEXT PRIMARY KEY, name TEXT NOT NULL, level INTEGER NOT NULL, parent TEXT, lat REAL, lon REAL) WITHOUT ROWID;" +
                $"INSERT INTO region VALUES ('{County}','井研县',1,'511100000000',NULL,NULL),('{Town}','示例镇',2,'{County}',NULL,NULL),('{Village}','一村',3,'{Town}',NULL,NULL);" +
                $"INSERT INTO household VALUES (1,'{Village}','一村1组1号',NULL,NULL);";
            await create.ExecuteNonQueryAsync();
        }

        SqliteConnection.ClearAllPools();
        await temp.ReopenAsync();
        var registry = new SqliteRegistryStore(temp.Database).Load()!;

        Assert.Null(Assert.Single(registry.Households).CadreId);
    }

    [Fact]
    public async Task SaveRegistryAndEndpoints_WhenTheEndpointsFail_LeavesTheOldRegistry()
    {
        await using var temp = new TempDatabase();
        var store = new SqliteRegistryStore(temp.Database);
        await store.SaveAsync(Registry(Village), Endpoints("t1"), default);

        // Two terminals with one id break the primary key after the new registry rows were written.
        await Assert.ThrowsAsync<SqliteException>(() => store.SaveAsync(Registry(OtherVillage), Endpoints("t1", "t1"), default));

        Assert.Equal([Village], store.Load()!.Villages.Select(v => v.Code));
        Assert.Equal("t1", Assert.Single(store.LoadEndpoints().Terminals).Id);
    }

    private static CountyRegistry Registry(string village) => new(
        [new Region(County, "井研县", RegionLevel.County, "511100000000"), new Region(Town, "示例镇", RegionLevel.Town, County), new Region(village, "一村", RegionLevel.Village, Town)],
        [new Household(1, village, "一村1组1号", null, null) { CadreId = 1 }],
        [new Person(1, "居民1", "13800138001", 1, village, null, null, false)]);

    private static CountyEndpoints Endpoints(params string[] terminalIds) => new(
        terminalIds.Select((id, i) => new Terminal(id, Village, "loudspeakerIp", $"rtp://10.1.2.{i + 1}:5004", false)),
        [new Subscriber("oA", Village, 1, false), new Subscriber("o-test", Village, null, true)],
        [new Officer(1, "张书记", "13800138001", Village, OfficerRole.VillageCadre), new Officer(2, "镇值班", "13800138002", Town, OfficerRole.TownOfficer)],
        [
            new Responsibility(Village, 1, ResponsibilityTier.Village, WarningLevelSet.All, ResponsibilityDuties.Both),
            new Responsibility(Town, 2, ResponsibilityTier.Town, WarningLevelSet.Orange | WarningLevelSet.Red, ResponsibilityDuties.Acknowledge),
        ]);
}
