using System.IO.Ports;

namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Configuration;

public class SerialSpeakerOptionsValidatorTests
{
    private static SerialSpeakerOptions Valid()
    {
        var options = new SerialSpeakerOptions();
        options.Ports["village"] = new SerialPortSettings { Path = "/dev/ttyS1", RelayPort = "relays", RelaySlave = 1, AmplifierCoil = 0 };
        options.Ports["relays"] = new SerialPortSettings { Path = "/dev/ttyS2", Kind = SerialPortKind.ModbusRelays };
        return options;
    }

    [Fact]
    public void Validate_ValidOptions_Succeeds()
    {
        var result = new SerialSpeakerOptionsValidator().Validate("county", Valid());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_ReportsEveryFailureAtOnce_NamingEachProperty()
    {
        var options = new SerialSpeakerOptions
        {
            ResponseTimeout = TimeSpan.Zero,
            Retries = 11,
            IdlePollInterval = TimeSpan.FromSeconds(-1),
            BusyWaitTimeout = TimeSpan.Zero,
            MaxSegmentDuration = TimeSpan.Zero,
            PortWaitTimeout = TimeSpan.FromSeconds(-1),
            RepeatPause = TimeSpan.FromSeconds(-1),
            StatusInterval = TimeSpan.FromSeconds(-1),
            OfflineAfterMissed = 0,
        };
        options.Ports["village"] = new SerialPortSettings
        {
            Path = "",
            BaudRate = 0,
            DataBits = 9,
            Parity = (Parity)42,
            StopBits = StopBits.None,
            Profile = TtsProfile.Syn6288,
            Encoding = (TtsTextEncoding)9,
            MaxTextBytes = 201,
            BackgroundMusic = 16,
            Repetitions = 0,
            RelayPort = "nowhere",
            RelaySlave = 248,
            AmplifierCoil = 70000,
        };
        options.Ports["xfs"] = new SerialPortSettings { Path = "/dev/ttyS3", Profile = TtsProfile.Xfs5152, BackgroundMusic = 1, RelayPort = "bus" };
        options.Ports["xfs2"] = new SerialPortSettings { Path = "/dev/ttyS4", RelayPort = "bus" };
        options.Ports["bus"] = new SerialPortSettings { Path = "/dev/ttyS3", Kind = SerialPortKind.ModbusRelays };
        options.Ports["bad/name"] = new SerialPortSettings { Path = "/dev/ttyS5" };

        var result = new SerialSpeakerOptionsValidator().Validate("county", options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        string[] expected =
        [
            nameof(options.ResponseTimeout), nameof(options.Retries), nameof(options.IdlePollInterval), nameof(options.BusyWaitTimeout),
            nameof(options.MaxSegmentDuration), nameof(options.PortWaitTimeout), nameof(options.RepeatPause), nameof(options.StatusInterval),
            nameof(options.OfflineAfterMissed),
            "Ports[village].Path", "Ports[village].BaudRate", "Ports[village].DataBits", "Ports[village].Parity", "Ports[village].StopBits",
            "Ports[village].Encoding", "Ports[village].MaxTextBytes", "Ports[village].BackgroundMusic", "Ports[village].Repetitions",
            "Ports[village].RelayPort", "Ports[village].RelaySlave", "Ports[village].AmplifierCoil",
            "Ports[xfs].BackgroundMusic", "Ports[bus].Shared", "Ports[bad/name]. ",
        ];
        foreach (var property in expected)
        {
            Assert.Contains(failures, f => f.Contains($": {property}", StringComparison.Ordinal));
        }

        Assert.Contains(failures, f => f.Contains("xfs, bus", StringComparison.Ordinal)); // one device under two names
        Assert.All(failures, f => Assert.StartsWith("Serial loudspeaker channel 'county': ", f, StringComparison.Ordinal));
        Assert.Equal(expected.Length + 1, failures.Count);
    }

    [Fact]
    public void Validate_NoTtsPort_IsAFailure()
    {
        var options = new SerialSpeakerOptions();
        options.Ports["relays"] = new SerialPortSettings { Path = "/dev/ttyS2", Kind = SerialPortKind.ModbusRelays };

        var result = new SerialSpeakerOptionsValidator().Validate("county", options);

        Assert.Contains(result.Failures!, f => f.Contains(": Ports must list at least one port of kind TtsModule", StringComparison.Ordinal));
    }
}
