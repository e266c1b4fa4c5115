namespace WarningHub.Abstractions;

/// <summary>
/// A text gateway that can say, before anything is sent, how many parts a text takes and how fast it may send them:
/// what a release preview's forecast is computed from.
/// </summary>
public interface ISendCapacity : IChannelAdapter
{
    /// <summary>The most message parts a second the gateway may send over all its connections (the contracted rate).</summary>
    /// <value>0 when no rate is configured (unlimited).</value>
    int PartsPerSecond { get; }

    /// <summary>The connections (binds) the gateway keeps.</summary>
    int Connections { get; }

    /// <summary>How many parts <paramref name="text"/> is sent as, by this gateway's own encoding and segmentation.</summary>
    /// <param name="text">The text of one message.</param>
    int PartsOf(string text);
}
