using Microsoft.Extensions.Time.Testing;
using WarningHub.Abstractions;
using WarningHub.Channels.Loudspeaker.Serial.Monitoring;
using WarningHub.Channels.Loudspeaker.Serial.Tts;

namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Monitoring;

public class TerminalHealthTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 7, 1, 2, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Observe_MissedQueries_GoFaultThenOfflineAtTheThreshold()
    {
        var health = new TerminalHealth("serial:village", offlineAfterMissed: 3);

        Assert.Equal(TerminalState.Normal, Observe(health, ModuleState.Idle));
        Assert.Equal(TerminalState.Fault, Observe(health, ModuleState.NoAnswer));
        Assert.Equal(TerminalState.Fault, Observe(health, ModuleState.NoAnswer));
        Assert.Equal(TerminalState.Offline, Observe(health, ModuleState.NoAnswer));
        Assert.Equal(TerminalState.Offline, Observe(health, ModuleState.NoAnswer));
    }

    [Fact]
    public void Observe_IdleAfterOffline_IsRecoveredOnceThenNormal()
    {
        var health = new TerminalHealth("serial:village", offlineAfterMissed: 1);
        Observe(health, ModuleState.NoAnswer);

        Assert.Equal(TerminalState.Recovered, Observe(health, ModuleState.Idle));
        Assert.Equal(TerminalState.Normal, Observe(health, ModuleState.Idle));
    }

    [Fact]
    public void Observe_AnswerBetweenMisses_StartsTheCountAgain()
    {
        var health = new TerminalHealth("serial:village", offlineAfterMissed: 2);

        Observe(health, ModuleState.NoAnswer);
        Observe(health, ModuleState.Busy);

        Assert.Equal(TerminalState.Fault, Observe(health, ModuleState.NoAnswer));
    }

    [Fact]
    public void Observe_BadAnswer_IsFaultAndRecoveryIsReportedEvenAfterBroadcasting()
    {
        var health = new TerminalHealth("serial:village", offlineAfterMissed: 3);

        Assert.Equal(TerminalState.Fault, Observe(health, ModuleState.BadAnswer));
        Assert.Equal(TerminalState.Broadcasting, Observe(health, ModuleState.Busy));
        Assert.Equal(TerminalState.Recovered, Observe(health, ModuleState.Idle));
    }

    [Fact]
    public void Observe_StampsTheStatusWithTheInjectedClockAndTheModuleAddress()
    {
        var health = new TerminalHealth("serial:village", offlineAfterMissed: 3);
        Assert.Null(health.Current);
        _time.Advance(TimeSpan.FromMinutes(7));

        var status = health.Observe(ModuleState.Idle, _time.GetUtcNow());

        Assert.Equal(new TerminalStatus("serial:village", TerminalState.Normal, _time.GetUtcNow()), status);
        Assert.Same(status, health.Current);
    }

    private TerminalState Observe(TerminalHealth health, ModuleState observation)
    {
        _time.Advance(TimeSpan.FromSeconds(60));
        return health.Observe(observation, _time.GetUtcNow()).State;
    }
}
