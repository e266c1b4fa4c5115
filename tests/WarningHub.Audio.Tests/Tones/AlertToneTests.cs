using WarningHub.Core.Cap;

namespace WarningHub.Audio.Tests.Tones;

public sealed class AlertToneTests
{
    private const int Rate = 16_000;

    [Theory]
    [InlineData(0.04, 600)]      // start of the first rise
    [InlineData(0.75, 1200)]     // top of the first cycle
    [InlineData(1.50, 600)]      // bottom again
    [InlineData(2.25, 1200)]     // top of the second cycle
    public void RedSiren_SweepsBetween600And1200Hz(double atSeconds, double expectedHz)
    {
        var siren = AlertTones.Render(WarningLevel.Red, Rate);
        var window = Signal.Window(siren, Rate, Math.Max(0.02, atSeconds - 0.02), 0.04);

        var measured = Signal.ZeroCrossingFrequency(window, Rate);

        Assert.InRange(measured, expectedHz * 0.94, expectedHz * 1.06);
    }

    [Fact]
    public void RedSiren_LastsThreeSeconds() =>
        Assert.Equal(3.0, AlertTones.Render(WarningLevel.Red, Rate).Length / (double)Rate, 3);

    [Theory]
    [InlineData(WarningLevel.Orange, 960, 770, 0.25, 12)]
    [InlineData(WarningLevel.Yellow, 800, 600, 0.5, 6)]
    public void TwoTone_AlternatesHighAndLowAtItsPace(WarningLevel level, double high, double low, double stepSeconds, int steps)
    {
        var tone = AlertTones.Render(level, Rate);
        Assert.Equal(steps * stepSeconds, tone.Length / (double)Rate, 3);

        for (var step = 0; step < steps; step++)
        {
            var window = Signal.Window(tone, Rate, (step * stepSeconds) + 0.05, stepSeconds - 0.1);
            Assert.Equal(step % 2 == 0 ? high : low, Signal.Strongest(window, Rate, high, low));
        }
    }

    [Fact]
    public void BlueChime_StrikesThreeDescendingNotes()
    {
        var chime = AlertTones.Render(WarningLevel.Blue, Rate);
        double[] notes = [1046.5, 880, 698.5];

        for (var note = 0; note < 3; note++)
        {
            var window = Signal.Window(chime, Rate, (note * 0.7) + 0.02, 0.3);
            Assert.Equal(notes[note], Signal.Strongest(window, Rate, notes));
        }
    }

    [Theory]
    [InlineData(WarningLevel.Red)]
    [InlineData(WarningLevel.Orange)]
    [InlineData(WarningLevel.Yellow)]
    [InlineData(WarningLevel.Blue)]
    public void EveryTone_FadesInAndOut_AndPeaksNearFullScale(WarningLevel level)
    {
        var tone = AlertTones.Render(level, Rate);

        Assert.Equal(0f, tone[0]);
        Assert.InRange(Math.Abs(tone[^1]), 0f, 0.01f);
        Assert.InRange(Loudness.Peak(tone), 0.9f, 1.0f);
    }

    [Fact]
    public void TestPips_AreThreeShort1kHzTones()
    {
        var pips = AlertTones.TestPips(Rate);
        var sounding = 0;
        for (var at = 0.0; at + 0.15 <= pips.Length / (double)Rate; at += 0.15)
        {
            var window = Signal.Window(pips, Rate, at, 0.15);
            if (Signal.Rms(window) > 0.3)
            {
                sounding++;
                Assert.InRange(Signal.ZeroCrossingFrequency(window, Rate), 950, 1050);
            }
        }

        Assert.Equal(3, sounding);
    }
}
