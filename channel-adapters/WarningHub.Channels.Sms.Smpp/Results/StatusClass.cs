namespace WarningHub.Channels.Sms.Smpp.Results;

/// <summary>What a submit_sm_resp command_status means for the sender.</summary>
internal enum StatusClass
{
    /// <summary>ESME_ROK.</summary>
    Accepted,

    /// <summary>The SMSC asks us to slow down; the adapter resubmits the same part itself.</summary>
    FlowControl,

    /// <summary>May succeed later: the engine may retry.</summary>
    Temporary,

    /// <summary>Will not succeed however often it is retried.</summary>
    Permanent,
}
