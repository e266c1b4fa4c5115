namespace WarningHub.Simulators.CloudSms;

/// <summary>One number of an accepted send, as the simulated platform recorded it.</summary>
/// <param name="Phone">The number.</param>
/// <param name="Text">The template parameter that held the text (the <c>content</c> parameter, or the only one).</param>
/// <param name="SignName">The signature name of the request.</param>
/// <param name="TemplateCode">The template of the request.</param>
/// <param name="SerialNo">The id the platform gave it, named again by its receipt.</param>
/// <param name="BatchSize">How many numbers the request carried.</param>
public sealed record CloudSmsMessage(string Phone, string Text, string SignName, string TemplateCode, string SerialNo, int BatchSize)
{
    /// <summary>When its request arrived, on the simulator's clock.</summary>
    public DateTimeOffset ReceivedAt { get; init; }
}
