namespace WarningHub.Channels.Loudspeaker.Serial.Tts;

/// <summary>What a status query (0x21) found out.</summary>
internal enum ModuleState
{
    /// <summary>0x4F: ready for text.</summary>
    Idle,

    /// <summary>0x4E: speaking.</summary>
    Busy,

    /// <summary>0x45 or a byte that is no status: the module is there but something is wrong.</summary>
    BadAnswer,

    /// <summary>Nothing came back in time.</summary>
    NoAnswer,
}

/// <summary>How handing one synthesis frame to the module ended.</summary>
internal enum SegmentHandOver
{
    /// <summary>0x41, or no answer but the module reported busy right after: it is speaking the frame.</summary>
    Accepted,

    /// <summary>0x4E: the module refused the frame because it is still speaking.</summary>
    Busy,

    /// <summary>0x45 to every try.</summary>
    Rejected,

    /// <summary>No answer to any try.</summary>
    NoAnswer,
}
