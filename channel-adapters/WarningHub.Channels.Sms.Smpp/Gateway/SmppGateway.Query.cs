using System.Globalization;
using Microsoft.Extensions.Logging;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Smpp.Protocol;
using WarningHub.Channels.Sms.Smpp.Transport;

namespace WarningHub.Channels.Sms.Smpp;

public sealed partial class SmppGateway
{
    private volatile bool _querySmRefused;

    /// <summary>
    /// Asks the SMSC with query_sm about a message whose receipt never came (lost with a dropped link). Returns the
    /// final state as a receipt, or null when it is not final, the SMSC cannot tell, no bind is up, or query_sm is
    /// not supported: <see cref="SmppOptions.SupportsQuerySm"/> is false, or the SMSC once answered generic_nack or
    /// ESME_RINVCMDID (then the gateway stops asking). Never throws for gateway errors.
    /// </summary>
    public async ValueTask<Receipt?> QueryAsync(string providerMessageId, string address, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(providerMessageId);
        if (!_options.SupportsQuerySm || _querySmRefused || PickLiveSession() is not { } session)
        {
            return null;
        }

        PduResponse response;
        try
        {
            var body = new QuerySmBody(providerMessageId, _options.SourceTon, _options.SourceNpi, _options.SourceAddress);
            response = await session.QueryAsync(body).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning("SMPP gateway {Gateway}: query_sm failed: {Reason}", Name, ex.Message);
            return null;
        }

        if (!response.IsAnswered)
        {
            return null;
        }

        if (response.Command == CommandId.GenericNack || response.Status == CommandStatus.InvalidCommandId)
        {
            _querySmRefused = true;
            _logger.LogWarning("SMPP gateway {Gateway}: the SMSC does not support query_sm; lost receipts are not asked for again.", Name);
            return null;
        }

        if (response.Status != CommandStatus.Ok)
        {
            _logger.LogDebug("SMPP gateway {Gateway}: query_sm for a message to {Address} answered 0x{Status:X8}.", Name, PersonalData.Phone(address), response.Status);
            return null;
        }

        try
        {
            var result = QuerySmResult.Decode(response.Body.Span);
            return ToReceipt(providerMessageId, result);
        }
        catch (SmppPduException ex)
        {
            _logger.LogWarning("SMPP gateway {Gateway}: unreadable query_sm_resp: {Reason}", Name, ex.Message);
            return null;
        }
    }

    /// <summary>Final states only, with the stat words receipts use; ENROUTE, ACCEPTED and UNKNOWN say nothing final.</summary>
    private Receipt? ToReceipt(string providerMessageId, QuerySmResult result)
    {
        (DeliveryStatus Status, string Code)? final = result.MessageState switch
        {
            QuerySmResult.Delivered => (DeliveryStatus.Delivered, "DELIVRD"),
            QuerySmResult.Undeliverable => (DeliveryStatus.Failed, "UNDELIV"),
            QuerySmResult.Expired => (DeliveryStatus.Failed, "EXPIRED"),
            QuerySmResult.Rejected => (DeliveryStatus.Failed, "REJECTD"),
            QuerySmResult.Deleted => (DeliveryStatus.Failed, "DELETED"),
            _ => null,
        };
        return final is { } known ? new Receipt(providerMessageId, known.Status, known.Code, FinalDate(result.FinalDate)) : null;
    }

    /// <summary>SMPP absolute time YYMMDDhhmmsstnnp (nn quarter hours from UTC, p + or -); the time now when absent or unreadable.</summary>
    private DateTimeOffset FinalDate(string text)
    {
        if (text.Length == 16 && text[15] is '+' or '-'
            && DateTime.TryParseExact(text[..12], "yyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && int.TryParse(text.AsSpan(13, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var quarters))
        {
            var offset = TimeSpan.FromMinutes(quarters * 15 * (text[15] == '-' ? -1 : 1));
            if (offset.Duration() <= TimeSpan.FromHours(14))
            {
                return new DateTimeOffset(local, offset).ToUniversalTime();
            }
        }

        return _time.GetUtcNow();
    }
}
