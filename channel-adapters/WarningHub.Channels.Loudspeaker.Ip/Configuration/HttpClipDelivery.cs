namespace WarningHub.Channels.Loudspeaker.Ip;

/// <summary>How an HTTP terminal gets the clip it is asked to play.</summary>
public enum HttpClipDelivery
{
    /// <summary>The WAV travels in the request: a multipart POST with the file in the field <c>file</c>.</summary>
    Upload,

    /// <summary>The request carries a URL (<see cref="IpSpeakerOptions.ClipBaseUrl"/> + clip id + <c>.wav</c>) that the terminal downloads.</summary>
    Url,
}
