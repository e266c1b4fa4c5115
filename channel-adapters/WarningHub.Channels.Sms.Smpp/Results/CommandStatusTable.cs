using WarningHub.Channels.Sms.Smpp.Protocol;

namespace WarningHub.Channels.Sms.Smpp.Results;

/// <summary>
/// How each SMPP 3.4 command_status of a submit_sm_resp (section 5.1.3) is classified. The table with reasons is in
/// this project's README.md; keep both in step. The rule of thumb: an error that names something wrong with the
/// message or its addresses is permanent (resending the same PDU fails the same way); an error that names the
/// SMSC's or the bind's state is temporary; anything not listed, including vendor codes 0x400-0x4FF, is temporary,
/// because for a public warning a bounded retry is cheaper than a message given up too early.
/// </summary>
internal static class CommandStatusTable
{
    private static readonly Dictionary<uint, (StatusClass Class, string Name)> Known = new()
    {
        [CommandStatus.Ok] = (StatusClass.Accepted, "ESME_ROK"),
        [CommandStatus.Throttled] = (StatusClass.FlowControl, "ESME_RTHROTTLED"),
        [CommandStatus.MessageQueueFull] = (StatusClass.FlowControl, "ESME_RMSGQFUL"),

        [CommandStatus.IncorrectBindStatus] = (StatusClass.Temporary, "ESME_RINVBNDSTS"),
        [CommandStatus.AlreadyBound] = (StatusClass.Temporary, "ESME_RALYBND"),
        [CommandStatus.SystemError] = (StatusClass.Temporary, "ESME_RSYSERR"),
        [CommandStatus.BindFailed] = (StatusClass.Temporary, "ESME_RBINDFAIL"),
        [CommandStatus.SubmitFailed] = (StatusClass.Temporary, "ESME_RSUBMITFAIL"),
        [CommandStatus.ReceiverTemporaryError] = (StatusClass.Temporary, "ESME_RX_T_APPN"),
        [CommandStatus.DeliveryFailure] = (StatusClass.Temporary, "ESME_RDELIVERYFAILURE"),
        [CommandStatus.UnknownError] = (StatusClass.Temporary, "ESME_RUNKNOWNERR"),

        [CommandStatus.InvalidMessageLength] = (StatusClass.Permanent, "ESME_RINVMSGLEN"),
        [CommandStatus.InvalidCommandLength] = (StatusClass.Permanent, "ESME_RINVCMDLEN"),
        [CommandStatus.InvalidCommandId] = (StatusClass.Permanent, "ESME_RINVCMDID"),
        [CommandStatus.InvalidPriorityFlag] = (StatusClass.Permanent, "ESME_RINVPRTFLG"),
        [CommandStatus.InvalidRegisteredDelivery] = (StatusClass.Permanent, "ESME_RINVREGDLVFLG"),
        [CommandStatus.InvalidSourceAddress] = (StatusClass.Permanent, "ESME_RINVSRCADR"),
        [CommandStatus.InvalidDestinationAddress] = (StatusClass.Permanent, "ESME_RINVDSTADR"),
        [CommandStatus.InvalidMessageId] = (StatusClass.Permanent, "ESME_RINVMSGID"),
        [CommandStatus.InvalidPassword] = (StatusClass.Permanent, "ESME_RINVPASWD"),
        [CommandStatus.InvalidSystemId] = (StatusClass.Permanent, "ESME_RINVSYSID"),
        [CommandStatus.InvalidServiceType] = (StatusClass.Permanent, "ESME_RINVSERTYP"),
        [CommandStatus.InvalidEsmClass] = (StatusClass.Permanent, "ESME_RINVESMCLASS"),
        [CommandStatus.InvalidSourceTon] = (StatusClass.Permanent, "ESME_RINVSRCTON"),
        [CommandStatus.InvalidSourceNpi] = (StatusClass.Permanent, "ESME_RINVSRCNPI"),
        [CommandStatus.InvalidDestinationTon] = (StatusClass.Permanent, "ESME_RINVDSTTON"),
        [CommandStatus.InvalidDestinationNpi] = (StatusClass.Permanent, "ESME_RINVDSTNPI"),
        [CommandStatus.InvalidScheduledTime] = (StatusClass.Permanent, "ESME_RINVSCHED"),
        [CommandStatus.InvalidExpiry] = (StatusClass.Permanent, "ESME_RINVEXPIRY"),
        [CommandStatus.ReceiverPermanentError] = (StatusClass.Permanent, "ESME_RX_P_APPN"),
        [CommandStatus.ReceiverRejected] = (StatusClass.Permanent, "ESME_RX_R_APPN"),
        [0x00000053] = (StatusClass.Permanent, "ESME_RINVSYSTYP"),
        [0x00000063] = (StatusClass.Permanent, "ESME_RINVDFTMSGID"),
        [CommandStatus.InvalidOptionalParameterStream] = (StatusClass.Permanent, "ESME_RINVOPTPARSTREAM"),
        [0x000000C1] = (StatusClass.Permanent, "ESME_ROPTPARNOTALLWD"),
        [0x000000C2] = (StatusClass.Permanent, "ESME_RINVPARLEN"),
        [0x000000C3] = (StatusClass.Permanent, "ESME_RMISSINGOPTPARAM"),
        [0x000000C4] = (StatusClass.Permanent, "ESME_RINVOPTPARAMVAL"),
    };

    public static StatusClass Classify(uint status) =>
        Known.TryGetValue(status, out var entry) ? entry.Class : StatusClass.Temporary;

    /// <summary>The specification's name, or the hex code for vendor and unknown values.</summary>
    public static string NameOf(uint status) =>
        Known.TryGetValue(status, out var entry) ? entry.Name : CommandStatus.ToCode(status);
}
