namespace WarningHub.Channels.Loudspeaker.Serial.Broadcast;

/// <summary><see cref="WarningHub.Abstractions.DeliveryResult.ErrorCode"/> values of this adapter (README.md has the table).</summary>
internal static class ResultCodes
{
    public const string Address = "ADDRESS";
    public const string EmptyText = "TEXT_EMPTY";
    public const string TextTooLong = "TEXT_TOO_LONG";
    public const string Encoding = "ENCODING";
    public const string PortBusy = "PORT_BUSY";
    public const string PortMissing = "PORT_MISSING";
    public const string ModuleBusy = "MODULE_BUSY";
    public const string NoAnswer = "NO_ANSWER";
    public const string BadFrame = "BAD_FRAME";
    public const string Relay = "RELAY";
    public const string Cancelled = "CANCELLED";

    /// <summary>Receipt code for a bulletin the module finished speaking.</summary>
    public const string Played = "PLAYED";
}
