using System.Net;
using System.Text.Json;

namespace WarningHub.EndToEnd.Tests;

public sealed class SubmitAndReachTests
{
    [Fact]
    public async Task Submit_RedRainstorm_ReachesEveryPhoneOnceAndReportsReachPerVillage()
    {
        await using var hub = await TestHub.StartAsync(persons: 3000, smsc: o => o.ReceiptDelay = TimeSpan.FromMilliseconds(20));
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");

        using var response = await hub.SubmitAsync(alert);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/warnings/{id}", response.Headers.Location?.ToString());

        var warning = await hub.WaitAllFinalAsync(id);
        var phones = hub.Registry.Persons.Where(p => p.Phone is not null).Select(p => p.Phone!).Distinct().ToHashSet();
        Assert.Equal(phones.Count, TestHub.Sms(warning, "planned"));
        Assert.Equal(phones.Count, TestHub.Sms(warning, "delivered"));
        var received = hub.Smsc.ReceivedMessages;
        Assert.Equal(phones.Count, received.Count);
        Assert.True(received.Select(m => m.Destination).ToHashSet().SetEquals(phones));
        Assert.All(received, m => Assert.StartsWith("【井研县应急管理局】井研县气象台发布暴雨红色预警信号", m.Text, StringComparison.Ordinal));

        var reach = await hub.ReachAsync(id);
        var county = reach.GetProperty("county");
        Assert.Equal(3000, county.GetProperty("targeted").GetInt32());
        Assert.Equal(hub.Registry.Persons.Count(p => p.Phone is null), county.GetProperty("withoutPhone").GetInt32());
        Assert.Equal(3000 - county.GetProperty("withoutPhone").GetInt32(), county.GetProperty("delivered").GetInt32());
        Assert.Equal(15, reach.GetProperty("towns").GetArrayLength());
        Assert.Equal(119, reach.GetProperty("villages").GetArrayLength());
        Assert.Equal(3000, reach.GetProperty("villages").EnumerateArray().Sum(v => v.GetProperty("targeted").GetInt32()));
    }

    [Fact]
    public async Task Submit_SameWarningTwice_ReturnsTheSameId_AndDifferentContentUnderTheSameKeyIsAConflict()
    {
        await using var hub = await TestHub.StartAsync(persons: 500);
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");

        var first = await hub.SubmitAcceptedAsync(alert);
        var again = await hub.SubmitAcceptedAsync(alert);
        using var changed = await hub.SubmitAsync(alert with { Note = "changed content, same identifier" });

        Assert.Equal(first, again);
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal("application/problem+json", changed.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await changed.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("identifier", problem.GetProperty("errors")[0].GetProperty("field").GetString());
        await hub.WaitAllFinalAsync(first);
        Assert.Equal(hub.Registry.Persons.Where(p => p.Phone is not null).Select(p => p.Phone).Distinct().Count(), hub.Smsc.ReceivedMessages.Count);
    }

    [Fact]
    public async Task Submit_JsonForm_IsAcceptedLikeXml()
    {
        await using var hub = await TestHub.StartAsync(persons: 500);
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml");

        using var response = await hub.SubmitRawAsync(WarningHub.Core.Cap.CapJsonWriter.ToJson(alert), "application/json");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Submit_ExerciseWarning_ReachesOnlyRegisteredTestRecipients_VisiblyMarked()
    {
        await using var hub = await TestHub.StartAsync(persons: 2000);
        var alert = LiveWarning.Sample("red-rainstorm.cap.xml") with { Status = WarningHub.Core.Cap.CapStatus.Exercise };

        var id = await hub.SubmitAcceptedAsync(alert);
        await hub.WaitAllFinalAsync(id);

        var testPhones = hub.Registry.Persons.Where(p => p.IsTestRecipient && p.Phone is not null).Select(p => p.Phone!).ToHashSet();
        var received = hub.Smsc.ReceivedMessages;
        Assert.NotEmpty(received);
        Assert.All(received, m => Assert.Contains(m.Destination, testPhones));
        Assert.All(received, m => Assert.Contains("演练", m.Text, StringComparison.Ordinal));
    }
}
