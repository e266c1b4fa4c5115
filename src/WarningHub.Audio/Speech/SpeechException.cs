namespace WarningHub.Audio;

/// <summary>A speech engine failed to speak a script: the bulletin falls back to tones only.</summary>
public sealed class SpeechException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public SpeechException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public SpeechException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public SpeechException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
