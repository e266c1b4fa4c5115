using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WarningHub.Core.Registry;
using WarningHub.Engine.Shared;

namespace WarningHub.EndToEnd.Tests.DoorToDoor;

/// <summary>
/// A small county whose SMSC reports a third of the messages undelivered, with a village cadre per village (and a second
/// one in <see cref="Village"/>), and one red warning sent to the end.
/// </summary>
public sealed class DoorToDoorHub : IAsyncLifetime
{
    private const long SecondCadres = 9001;

    internal TestHub Hub { get; private set; } = null!;

    public string Warning { get; private set; } = "";

    /// <summary>The village with the most persons to visit.</summary>
    public string Village { get; private set; } = "";

    /// <summary>The first cadre of <see cref="Village"/>.</summary>
    public Officer Cadre { get; private set; } = null!;

    /// <summary>The second cadre of <see cref="Village"/>: two cadres may mark one household.</summary>
    public long SecondCadreId { get; private set; }

    public async Task InitializeAsync()
    {
        Hub = await TestHub.StartAsync(persons: 600, smsc: o => o.ReceiptFailureRate = 0.33, endpoints: Endpoints);
        Warning = await Hub.SubmitAcceptedAsync(LiveWarning.Sample("red-rainstorm.cap.xml"));
        await Hub.WaitAllFinalAsync(Warning);
        var reach = await Hub.ReachAsync(Warning);
        Village = reach.GetProperty("villages").EnumerateArray()
            .OrderByDescending(v => v.GetProperty("persons").GetProperty("unaccounted").GetInt32()).First().GetProperty("code").GetString()!;
        var officers = Endpoints(Hub.Registry).Officers.Where(o => o.RegionCode == Village && o.Role == OfficerRole.VillageCadre).ToList();
        Cadre = officers[0];
        SecondCadreId = officers[^1].Id;
    }

    /// <summary>A cadre's signed link (a path on the hub).</summary>
    public string LinkOf(long cadre) => Hub.App.Services.GetRequiredService<DoorLinks>().PathOf(Warning, Village, cadre);

    public async Task<JsonElement> UnreachedAsync(string? village = null) =>
        await Hub.Http.GetFromJsonAsync<JsonElement>($"/api/v1/warnings/{Warning}/unreached?village={village ?? Village}");

    private static CountyEndpoints Endpoints(CountyRegistry registry)
    {
        var generated = EndpointGenerator.Generate(registry, (v, i) => $"rtp://127.0.0.1:{40000 + i}", (v, i) => $"serial:///dev/null?unit={i}");
        // Only cadres matter here (no loudspeaker or WeChat adapter is configured); a second cadre in every village.
        var second = registry.Villages.Select((v, i) => new Officer(SecondCadres + i, $"第二村干部{i}", $"1390000{i:D4}", v.Code, OfficerRole.VillageCadre));
        return new CountyEndpoints([], [], [.. generated.Officers, .. second]);
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}
