using WarningHub.Abstractions;

namespace WarningHub.Channels.Sms.Http.Gateway;

/// <summary>One message waiting for its request: the number as the gateway wants it, the text to send, and where its result goes.</summary>
internal sealed class PendingSend(TextMessage message, string number, string text, CancellationToken cancellationToken)
{
    public TextMessage Message { get; } = message;

    public string Number { get; } = number;

    public string Text { get; } = text;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The id receipts are matched by when the gateway gives none of its own.</summary>
    public string Correlation { get; set; } = string.Empty;

    public TaskCompletionSource<DeliveryResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
