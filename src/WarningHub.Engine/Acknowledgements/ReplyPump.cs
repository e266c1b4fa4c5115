using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Core.Acknowledgements;
using WarningHub.Core.Registry;

namespace WarningHub.Engine.Acknowledgements;

/// <summary>
/// Reads the texts people send to the hub (SMS MO, from every adapter that receives them) and answers the sender's
/// silent 叫应 calls when the text is an answer ("1", "收到", ...). The sender is matched by phone, normalised as
/// the registry stores it (a leading +86 or 86 is dropped). A text that is no answer, or from a phone with no
/// silent call, is logged with the number masked and changes nothing.
/// </summary>
public sealed class ReplyPump(IEnumerable<IInboundTextSource> sources, IAcknowledgementStore store, ILogger<ReplyPump> logger) : BackgroundService
{
    /// <summary>Handles one text; returns the calls it answered.</summary>
    public async Task<IReadOnlyList<Acknowledgement>> HandleAsync(InboundText text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!PhoneNumber.TryNormalize(text.Sender, out var phone, out _))
        {
            logger.LogInformation("A text from {Sender}, not a mobile number, was ignored", PhoneNumber.Mask(text.Sender));
            return [];
        }

        if (!AckReply.IsAnswer(text.Text))
        {
            logger.LogInformation("A text from {Sender} is not a 叫应 answer ({Length} characters); nothing changed", PhoneNumber.Mask(phone), text.Text.Length);
            return [];
        }

        var answered = await store.AnswerByPhoneAsync(phone, AcknowledgementMethod.Sms, text.At, cancellationToken);
        logger.LogInformation("叫应 answer by SMS from {Sender}: {Calls} call(s) answered", PhoneNumber.Mask(phone), answered.Count);
        return answered;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(sources.Select(s => PumpAsync(s, stoppingToken)));

    private async Task PumpAsync(IInboundTextSource source, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var text in source.InboundTexts.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await HandleAsync(text, CancellationToken.None);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "A reply from {Source} could not be recorded", source.Definition.Name);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host stopping.
        }
    }
}
