namespace WarningHub.Core.Cap;

// The numbering starts at 1 so that an unset value (0) is never mistaken for a real one:
// a default status must not read as "Actual" (the Chongqing 2021 lesson: test status is structural).

/// <summary>CAP <c>status</c>: the handling the message calls for.</summary>
public enum CapStatus
{
    Actual = 1,
    Exercise,
    System,
    Test,
    Draft,
}

/// <summary>CAP <c>msgType</c>: the nature of the message.</summary>
public enum CapMsgType
{
    Alert = 1,
    Update,
    Cancel,
    Ack,
    Error,
}

/// <summary>CAP <c>scope</c>: who may receive the message.</summary>
public enum CapScope
{
    Public = 1,
    Restricted,
    Private,
}
