using WarningHub.Channels.Loudspeaker.Serial.Modbus;
using WarningHub.Channels.Loudspeaker.Serial.Tests.Support;

namespace WarningHub.Channels.Loudspeaker.Serial.Tests.Modbus;

public class ModbusRequestTests
{
    [Fact]
    public void WriteSingleCoil_On_IsSlaveFunctionCoilFF00AndCrc()
    {
        Assert.Equal(Hex.Parse("01 05 0000 FF00 8C3A"), ModbusRequest.WriteSingleCoil(1, 0, on: true));
    }

    [Fact]
    public void WriteSingleCoil_OffCoil3_IsValue0000()
    {
        var frame = ModbusRequest.WriteSingleCoil(1, 3, on: false);

        Assert.Equal(Hex.Parse("01 05 0003 0000"), frame[..6]);
        Assert.True(ModbusCrc.IsValid(frame));
    }

    [Fact]
    public void ReadCoils_TenFromZero_MatchesTheKnownFrame()
    {
        Assert.Equal(Hex.Parse("01 01 0000 000A BC0D"), ModbusRequest.ReadCoils(1, 0, 10));
    }

    [Fact]
    public void WriteMultipleCoils_TenCoils_PacksFirstCoilIntoTheLowestBit()
    {
        // Coils 0, 2, 3, 6, 7 and 8 on: data CD 01, the data bytes of the Modbus application protocol's 0F example.
        bool[] values = [true, false, true, true, false, false, true, true, true, false];

        var frame = ModbusRequest.WriteMultipleCoils(1, 0, values);

        Assert.Equal(Hex.Parse("01 0F 0000 000A 02 CD01 7068"), frame);
    }

    [Theory]
    [InlineData("01 85 02", 5)]
    [InlineData("01 05 00", 8)]
    [InlineData("01 0F 00", 8)]
    [InlineData("01 01 02", 7)]
    [InlineData("01 03 02", -1)]
    public void ResponseLength_FromTheFirstThreeBytes_CoversExceptionsWritesAndReads(string head, int expected)
    {
        Assert.Equal(expected, ModbusRequest.ResponseLength(Hex.Parse(head)));
    }
}
