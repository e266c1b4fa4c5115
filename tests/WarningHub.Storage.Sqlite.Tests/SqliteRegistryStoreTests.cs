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

        Assert.Equal([Village], store.Load()!.Villages.Select(v => v.Code));
        var loaded = store.LoadEndpoints();
        Assert.Equal(endpoints.Terminals, loaded.Terminals);
        Assert.Equal(endpoints.Subscribers.OrderBy(s => s.OpenId, StringComparer.Ordinal), loaded.Subscribers); // loaded in openid order
        Assert.Equal(endpoints.Officers, loaded.Officers);
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
        [new Household(1, village, "一村1组1号", null, null)],
        [new Person(1, "居民1", "13800138001", 1, village, null, null, false)]);

    private static CountyEndpoints Endpoints(params string[] terminalIds) => new(
        terminalIds.Select((id, i) => new Terminal(id, Village, "loudspeakerIp", $"rtp://10.1.2.{i + 1}:5004", false)),
        [new Subscriber("oA", Village, 1, false), new Subscriber("o-test", Village, null, true)],
        [new Officer(1, "张书记", "13800138001", Village, OfficerRole.VillageCadre)]);
}
