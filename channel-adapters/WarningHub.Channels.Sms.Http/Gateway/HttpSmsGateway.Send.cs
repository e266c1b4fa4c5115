using System.Globalization;
using WarningHub.Abstractions;
using WarningHub.Channels.Sms.Common.Text;
using WarningHub.Channels.Sms.Http.Gateway;

namespace WarningHub.Channels.Sms.Http;

public sealed partial class HttpSmsGateway
{
    private long _requests;

    /// <summary>
    /// Sends one text. Returns Accepted with the gateway's id (or the hub's correlation id, which the receipt callback
    /// names), Unavailable when the gateway is known to be down or could not be connected to (nothing sent), Unknown
    /// when the request may have reached it but no whole answer came, or the gateway's refusal. With MaxBatch above 1
    /// the send may share one request with others of the same text. <see cref="TextMessage.BeforeWrite"/> is awaited
    /// after the rate limiter let the request go, right before it is written.
    /// </summary>
    public async ValueTask<DeliveryResult> SendAsync(TextMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!IsMobileNumber(message.Address))
        {
            return DeliveryResult.Permanent("HTTP:address", "The address is not a mobile number (digits only, at most 21).");
        }

        var text = Signed(message.Text);
        var parts = Ucs2Parts.Count(text);
        if (parts > _options.MaxParts)
        {
            return DeliveryResult.Permanent("HTTP:length", $"The text needs {parts} parts; at most {_options.MaxParts} are allowed.");
        }

        if (Volatile.Read(ref _stopping) is null)
        {
            return DeliveryResult.Unavailable($"HTTP SMS gateway {Name} is not started.");
        }

        if (!Health.IsUp)
        {
            return DeliveryResult.Unavailable(Health.Problem ?? $"HTTP SMS gateway {Name} cannot be reached.");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var send = new PendingSend(message, message.Address, text, cancellationToken)
        {
            Correlation = string.Create(CultureInfo.InvariantCulture, $"{message.Reference}.{_instance}.{Interlocked.Increment(ref _sequence)}"),
        };
        if (_options.EffectiveMaxBatch == 1)
        {
            await SendBatchAsync([send], cancellationToken).ConfigureAwait(false);
        }
        else
        {
            Enqueue(send);
        }

        return await send.Done.Task.WaitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private static bool IsMobileNumber(string address) =>
        address.Length is > 0 and <= 21 && address.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>
    /// One request for <paramref name="batch"/>: within the concurrency and the rate, each message's
    /// <see cref="TextMessage.BeforeWrite"/> awaited first (one that throws leaves that message out, nothing written
    /// for it). Every message's <see cref="PendingSend.Done"/> is completed, whatever happens.
    /// </summary>
    private async Task SendBatchAsync(IReadOnlyList<PendingSend> batch, CancellationToken cancellationToken)
    {
        var waiting = batch.ToList();
        try
        {
            await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await _limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
                waiting = await RecordWritesAsync(waiting, cancellationToken).ConfigureAwait(false);
                if (waiting.Count == 0) return;
                var sending = waiting;
                waiting = [];
                await ExchangeAsync(sending).ConfigureAwait(false);
            }
            finally
            {
                _inFlight.Release();
            }
        }
        catch (OperationCanceledException ex)
        {
            // Cancelled before the request was written: nothing left.
            foreach (var send in waiting) send.Done.TrySetCanceled(ex.CancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.SendCrashed(_logger, ex, Name);
            foreach (var send in batch) send.Done.TrySetResult(DeliveryResult.Unknown("The adapter failed while sending: " + ex.Message));
        }
    }

    private static async Task<List<PendingSend>> RecordWritesAsync(List<PendingSend> batch, CancellationToken cancellationToken)
    {
        var kept = new List<PendingSend>(batch.Count);
        foreach (var send in batch)
        {
            if (send.CancellationToken.IsCancellationRequested)
            {
                send.Done.TrySetCanceled(send.CancellationToken);
                continue;
            }

            if (send.Message.BeforeWrite is { } beforeWrite)
            {
                // The hub records that this message may leave before the request does (guarantee 3).
                try
                {
                    await beforeWrite(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    send.Done.TrySetResult(DeliveryResult.Temporary(null, "The hub could not record the send, so nothing was written: " + ex.Message));
                    continue;
                }
            }

            kept.Add(send);
        }

        return kept;
    }

    private async Task ExchangeAsync(List<PendingSend> batch)
    {
        var request = _profile.Build(batch);
        Interlocked.Increment(ref _requests);
        var exchange = await Exchange.RunAsync(_client, request).ConfigureAwait(false);
        switch (exchange.Kind)
        {
            case ExchangeKind.NotSent:
                MarkDown($"HTTP SMS gateway {Name} could not be connected to: {exchange.Problem}");
                foreach (var send in batch) send.Done.TrySetResult(DeliveryResult.Unavailable($"Nothing was sent: {exchange.Problem}"));
                return;
            case ExchangeKind.Lost:
                Log.Lost(_logger, Name, batch.Count, exchange.Problem);
                foreach (var send in batch) send.Done.TrySetResult(DeliveryResult.Unknown($"The request may have reached the gateway: {exchange.Problem}"));
                return;
        }

        var results = _profile.Read(batch, exchange);
        for (var i = 0; i < batch.Count; i++)
        {
            var result = results[i];
            if (result.Outcome != SendOutcome.Accepted)
            {
                Log.Refused(_logger, Name, batch[i].Message.Reference, PersonalData.Phone(batch[i].Number), result.Outcome, result.ErrorCode, result.Reason);
            }

            batch[i].Done.TrySetResult(result);
        }
    }
}
