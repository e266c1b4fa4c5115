using WarningHub.Core.Warnings;

namespace WarningHub.Engine.Tests.Time;

/// <summary>A red warning's loudspeaker bulletin repeats every <see cref="EngineOptions.RepeatEvery"/> until it ends.</summary>
public sealed class RepeatTests
{
    [Fact]
    public async Task RedWarning_RepeatsItsBulletinEveryInterval_UntilItExpires_AndNeverAfter()
    {
        var every = TimeSpan.FromMinutes(15);
        await using var engine = await FakeTimeEngine.StartAsync(o => o.RepeatEvery = new(StringComparer.OrdinalIgnoreCase) { ["Red"] = every }, speakers: true);
        var speakers = engine.Speakers!;
        var alert = engine.Alert(expiresIn: TimeSpan.FromMinutes(40));
        var start = engine.Time.GetUtcNow();

        var warning = await engine.SubmitAsync(alert);
        var terminals = (await engine.WaitForHandedOverAsync(warning.Id, Core.Planning.Channels.LoudspeakerIp)).Total;
        await WaitForPlaysAsync(speakers, terminals);
        await engine.WaitForTriggerAsync(warning.Id, "repeat");
        Assert.All(speakers.Played, p => Assert.Equal(start, p.At));

        engine.AdvanceTo(start + every);
        await WaitForPlaysAsync(speakers, 2 * terminals);
        engine.AdvanceTo(start + (2 * every));
        await WaitForPlaysAsync(speakers, 3 * terminals);

        // Expiry at 40 minutes ends the warning and removes the trigger: the 45-minute repeat cannot fire.
        engine.AdvanceTo(alert.Infos[0].Expires!.Value);
        await engine.WaitForStateAsync(warning.Id, WarningState.Expired);
        Assert.True(await Eventually.TrueAsync(async () => !await engine.HasTriggerAsync(warning.Id, "repeat")), "the repeat trigger outlived the warning");

        var rounds = speakers.Played.GroupBy(p => p.At).OrderBy(g => g.Key).ToList();
        Assert.Equal([start, start + every, start + (2 * every)], rounds.Select(r => r.Key));
        Assert.All(rounds, r => Assert.Equal(terminals, r.Select(p => p.Address).Distinct().Count()));
        Assert.Equal(2, await engine.Maintenance.LastRoundAsync(warning.Id, default)); // rounds 0, 1 and 2
        Assert.Equal(3 * terminals, speakers.Played.Count);
    }

    [Fact]
    public async Task ReleasePolicyRepeats_ReplaceTheSetting_AndStopAfterTheirCount()
    {
        var policy = Path.Combine(Path.GetTempPath(), "warninghub-policy-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(policy, """
            { "rules": [
              { "event": "*", "level": "*", "audiences": ["public", "officers", "media"] },
              { "event": "*", "level": "Red", "audiences": ["public", "officers", "media"], "repeat": { "every": "00:10:00", "count": 2 } }
            ] }
            """);
        try
        {
            var every = TimeSpan.FromMinutes(10);
            await using var engine = await FakeTimeEngine.StartAsync(o =>
            {
                o.RepeatEvery = new(StringComparer.OrdinalIgnoreCase) { ["Red"] = TimeSpan.FromMinutes(15) };
                o.PolicyFile = policy;
            }, speakers: true);
            var speakers = engine.Speakers!;
            var alert = engine.Alert(expiresIn: TimeSpan.FromHours(2));
            var start = engine.Time.GetUtcNow();

            var warning = await engine.SubmitAsync(alert);
            var terminals = (await engine.WaitForHandedOverAsync(warning.Id, Core.Planning.Channels.LoudspeakerIp)).Total;
            await WaitForPlaysAsync(speakers, terminals);
            await engine.WaitForTriggerAsync(warning.Id, "repeat");
            engine.AdvanceTo(start + every);
            await WaitForPlaysAsync(speakers, 2 * terminals);
            engine.AdvanceTo(start + (2 * every));
            await WaitForPlaysAsync(speakers, 3 * terminals);

            // Two repeats were asked for: the trigger is done, although the warning is in force for another 100 minutes.
            Assert.True(await Eventually.TrueAsync(async () => !await engine.HasTriggerAsync(warning.Id, "repeat")), "the repeat trigger outlived its count");
            Assert.Equal([start, start + every, start + (2 * every)], speakers.Played.Select(p => p.At).Distinct().Order());
            Assert.Equal(2, await engine.Maintenance.LastRoundAsync(warning.Id, default));
        }
        finally
        {
            File.Delete(policy);
        }
    }

    [Fact]
    public async Task Repeat_FiringLate_PlaysAtOnce_InsteadOfBeingSkippedUntilTheNextInterval()
    {
        // Regression: with Quartz's default for repeating triggers, a repeat more than 5 s late was skipped, and the
        // villages heard the red warning's bulletin again only one interval later.
        var every = TimeSpan.FromMinutes(15);
        await using var engine = await FakeTimeEngine.StartAsync(o => o.RepeatEvery = new(StringComparer.OrdinalIgnoreCase) { ["Red"] = every }, speakers: true);
        var speakers = engine.Speakers!;
        var start = engine.Time.GetUtcNow();
        var warning = await engine.SubmitAsync(engine.Alert(expiresIn: TimeSpan.FromHours(2)));
        var terminals = (await engine.WaitForHandedOverAsync(warning.Id, Core.Planning.Channels.LoudspeakerIp)).Total;
        await engine.WaitForTriggerAsync(warning.Id, "repeat");

        var late = start + every + TimeSpan.FromMinutes(5);
        engine.AdvanceTo(late);
        await WaitForPlaysAsync(speakers, 2 * terminals);
        engine.AdvanceTo(late + every);
        await WaitForPlaysAsync(speakers, 3 * terminals);

        Assert.Equal([start, late, late + every], speakers.Played.Select(p => p.At).Distinct().Order());
    }

    private static async Task WaitForPlaysAsync(ClockedSpeakers speakers, int count) =>
        Assert.True(await Eventually.TrueAsync(() => speakers.Played.Count >= count, TimeSpan.FromSeconds(30)), $"{speakers.Played.Count} bulletins played, {count} expected");
}
