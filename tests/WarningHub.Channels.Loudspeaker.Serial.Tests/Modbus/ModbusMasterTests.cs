using WarningHub.Channels.Loudspeaker.Serial.Modbus;
using WarningHub.Channels.Loudspeaker.Serial.Tests.Support;
using WarningHub.Channels.Loudspeaker.Serial.Transport;
using WarningHub.Simulators.Serial;

namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Modbus;

/// <summary>The adapter's Modbus master against the simulated relay slave over a pty pair.</summary>
[Collection(SerialLinesCollection.Name)]
public sealed class ModbusMasterTests : IAsyncLifetime
{
    private readonly PtyPair _pty = PtyPair.Create();
    private readonly SerialSpeakerOptions _options = new() { ResponseTimeout = TimeSpan.FromSeconds(2), Retries = 1 };
    private ModbusRelaySimulator _slave = null!;
    private SerialPortSlot _slot = null!;

    public Task InitializeAsync()
    {
        _slave = new ModbusRelaySimulator(_pty.DeviceEnd, new ModbusRelaySimulatorOptions { SlaveAddress = 3, CoilCount = 8 });
        _slave.Start();
        _slot = new SerialPortSlot("relays", new SerialPortSettings { Path = _pty.AdapterEnd, Kind = SerialPortKind.ModbusRelays }, TimeProvider.System);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _slot.Dispose();
        await _slave.DisposeAsync();
        _pty.Dispose();
    }

    private ModbusMaster Master => new(_slot.Line(), _options);

    [Fact]
    public async Task WriteCoil_On_IsEchoedAndTheCoilIsOn()
    {
        var outcome = await Master.WriteCoilAsync(3, 5, on: true, CancellationToken.None);

        Assert.Equal(ModbusOutcomeKind.Ok, outcome.Kind);
        Assert.Equal(ModbusRequest.WriteSingleCoil(3, 5, on: true), outcome.Response);
        Assert.True(_slave.Coil(5));
    }

    [Fact]
    public async Task ReadCoils_AfterWritingSeveral_ReturnsTheirStatesInOrder()
    {
        await Master.WriteCoilsAsync(3, 1, [true, false, true], CancellationToken.None);

        var (outcome, values) = await Master.ReadCoilsAsync(3, 0, 8, CancellationToken.None);

        Assert.Equal(ModbusOutcomeKind.Ok, outcome.Kind);
        Assert.Equal([false, true, false, true, false, false, false, false], values);
        Assert.Equal([new CoilWrite(1, true), new CoilWrite(2, false), new CoilWrite(3, true)], _slave.Writes);
    }

    [Fact]
    public async Task WriteCoil_BeyondTheLastCoil_IsExceptionIllegalDataAddressAndNotResent()
    {
        var outcome = await Master.WriteCoilAsync(3, 8, on: true, CancellationToken.None);

        Assert.Equal(ModbusOutcomeKind.Exception, outcome.Kind);
        Assert.Equal(ModbusFunction.IllegalDataAddress, outcome.ExceptionCode);
        Assert.Equal(0x85, outcome.Response[1]); // function | 0x80
        Assert.True(ModbusFunction.IsPermanent(outcome.ExceptionCode));
        Assert.Equal(1, _slave.Requests);
    }

    [Fact]
    public async Task ReadCoils_SlaveDeviceFailure_IsATemporaryException()
    {
        _slave.ForcedException = ModbusFunction.SlaveDeviceFailure;

        var (outcome, values) = await Master.ReadCoilsAsync(3, 0, 1, CancellationToken.None);

        Assert.Equal(ModbusOutcomeKind.Exception, outcome.Kind);
        Assert.Equal(0x04, outcome.ExceptionCode);
        Assert.False(ModbusFunction.IsPermanent(outcome.ExceptionCode));
        Assert.Empty(values);
    }

    [Fact]
    public async Task WriteCoil_ToAnotherSlave_GetsNoAnswerAfterTheRetry()
    {
        var outcome = await Master.WriteCoilAsync(4, 0, on: true, CancellationToken.None);

        Assert.Equal(ModbusOutcomeKind.NoAnswer, outcome.Kind);
        Assert.Equal(0, _slave.Requests);
    }

    [Fact]
    public async Task Request_WithACorruptedCrc_IsIgnoredBySlave()
    {
        var request = ModbusRequest.WriteSingleCoil(3, 0, on: true);
        request[^1] ^= 0x01;
        var line = _slot.Line();

        await line.WriteAsync(request, CancellationToken.None);

        Assert.Equal(-1, await line.ReadByteAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None));
        Assert.True(await Eventually.TrueAsync(() => _slave.CrcErrors == 1));
        Assert.False(_slave.Coil(0));
    }
}
