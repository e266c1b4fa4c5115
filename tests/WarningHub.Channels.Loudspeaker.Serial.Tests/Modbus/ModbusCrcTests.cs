using WarningHub.Channels.Loudspeaker.Serial.Modbus;
using WarningHub.Channels.Loudspeaker.Serial.Tests.Support;
using WarningHub.Simulators.Serial;

namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Modbus;

public class ModbusCrcTests
{
    [Fact]
    public void Compute_StandardCheckString_Is4B37()
    {
        // The catalogue check value of CRC-16/MODBUS: the CRC of the ASCII digits "123456789".
        Assert.Equal(0x4B37, ModbusCrc.Compute("123456789"u8));
    }

    [Fact]
    public void Append_WriteSingleCoilOn_GivesTheWellKnown8C3ALowByteFirst()
    {
        // 01 05 0000 FF00 is the usual "coil 0 on" example; its CRC 0x3A8C goes on the wire as 8C 3A.
        var frame = Hex.Parse("01 05 0000 FF00 0000");

        ModbusCrc.Append(frame);

        Assert.Equal(Hex.Parse("01 05 0000 FF00 8C3A"), frame);
        Assert.True(ModbusCrc.IsValid(frame));
    }

    [Theory]
    [InlineData("01 01 0000 000A BC0D")]
    [InlineData("01 05 0000 0000 CDCA")]
    [InlineData("01 85 02 C351")]
    public void IsValid_KnownFrames_AcceptsThemAndRejectsAnyFlippedBit(string hex)
    {
        var frame = Hex.Parse(hex);
        Assert.True(ModbusCrc.IsValid(frame));

        for (var bit = 0; bit < frame.Length * 8; bit++)
        {
            var damaged = (byte[])frame.Clone();
            damaged[bit / 8] ^= (byte)(1 << (bit % 8));
            Assert.False(ModbusCrc.IsValid(damaged), $"bit {bit} flipped was not detected");
        }
    }

    [Fact]
    public void Compute_TableDriven_AgreesWithTheSimulatorsBitwiseCrcOnRandomData()
    {
        var random = new Random(5111);
        for (var i = 0; i < 200; i++)
        {
            var data = new byte[random.Next(0, 64)];
            random.NextBytes(data);
            Assert.Equal(ModbusRelaySimulator.Crc(data), ModbusCrc.Compute(data));
        }
    }
}
