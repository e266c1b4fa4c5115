namespace WarningHub.Channels.Sms.Smpp.Protocol;

/// <summary>SMPP 3.4 command_status values (section 5.1.3) that this adapter names.</summary>
internal static class CommandStatus
{
    public const uint Ok = 0x00000000;
    public const uint InvalidMessageLength = 0x00000001;
    public const uint InvalidCommandLength = 0x00000002;
    public const uint InvalidCommandId = 0x00000003;
    public const uint IncorrectBindStatus = 0x00000004;
    public const uint AlreadyBound = 0x00000005;
    public const uint InvalidPriorityFlag = 0x00000006;
    public const uint InvalidRegisteredDelivery = 0x00000007;
    public const uint SystemError = 0x00000008;
    public const uint InvalidSourceAddress = 0x0000000A;
    public const uint InvalidDestinationAddress = 0x0000000B;
    public const uint InvalidMessageId = 0x0000000C;
    public const uint BindFailed = 0x0000000D;
    public const uint InvalidPassword = 0x0000000E;
    public const uint InvalidSystemId = 0x0000000F;
    public const uint MessageQueueFull = 0x00000014;
    public const uint InvalidServiceType = 0x00000015;
    public const uint InvalidEsmClass = 0x00000043;
    public const uint SubmitFailed = 0x00000045;
    public const uint InvalidSourceTon = 0x00000048;
    public const uint InvalidSourceNpi = 0x00000049;
    public const uint InvalidDestinationTon = 0x00000050;
    public const uint InvalidDestinationNpi = 0x00000051;
    public const uint Throttled = 0x00000058;
    public const uint InvalidScheduledTime = 0x00000061;
    public const uint InvalidExpiry = 0x00000062;
    public const uint ReceiverTemporaryError = 0x00000064;
    public const uint ReceiverPermanentError = 0x00000065;
    public const uint ReceiverRejected = 0x00000066;
    public const uint InvalidOptionalParameterStream = 0x000000C0;
    public const uint DeliveryFailure = 0x000000FE;
    public const uint UnknownError = 0x000000FF;

    /// <summary>The form put in <c>DeliveryResult.ErrorCode</c>: hex, as operators' documents list them.</summary>
    public static string ToCode(uint status) => "0x" + status.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
}
