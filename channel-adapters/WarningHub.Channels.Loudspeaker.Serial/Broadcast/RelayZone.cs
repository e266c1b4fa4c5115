namespace WarningHub.Channels.Loudspeaker.Serial.Broadcast;

/// <summary>The coils a bulletin switches on before speaking, in order: the amplifier's power (if configured), then the zone.</summary>
/// <param name="Slave">The zone's Modbus slave.</param>
/// <param name="Coil">The zone's coil.</param>
/// <param name="AmplifierSlave">The slave with the amplifier coil.</param>
/// <param name="AmplifierCoil">The amplifier coil, if the terminal has one.</param>
internal sealed record RelayZone(byte Slave, ushort Coil, byte AmplifierSlave, ushort? AmplifierCoil)
{
    /// <summary>The coils to switch on, first to last; they are switched off in the reverse order.</summary>
    public IReadOnlyList<(byte Slave, ushort Coil)> SwitchOnOrder => AmplifierCoil is { } amplifier
        ? [(AmplifierSlave, amplifier), (Slave, Coil)]
        : [(Slave, Coil)];
}
