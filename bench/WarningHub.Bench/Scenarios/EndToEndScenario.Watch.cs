using System.Globalization;
using System.Text.Json;
using WarningHub.Simulators.Smsc;

namespace WarningHub.Bench.Scenarios;

internal static partial class EndToEndScenario
{
    /// <summary>In-process readings (the simulator's counters) cost nothing: read them often.</summary>
    private static readonly TimeSpan FastPoll = TimeSpan.FromMilliseconds(20);

    /// <summary>The status endpoint counts every slot of the warning: ask it only once the simulator says it may be done.</summary>
    private static readonly TimeSpan StatusPoll = TimeSpan.FromMilliseconds(100);

    private static readonly TimeProvider Clock = TimeProvider.System;

    /// <summary>
    /// Times from <paramref name="accepted"/> (a <see cref="TimeProvider.GetTimestamp"/>): the first submit_sm by the
    /// simulator's own stamp; all sent and all final by the hub's status endpoint, which is asked only after the
    /// simulator has accepted (then receipted) as many parts as there are slots, so polling does not slow the run.
    /// <paramref name="before"/> holds the simulator's counts before the POST (a warm-up's parts are not this run's).
    /// </summary>
    private static async Task<Run> MeasureAsync(HttpClient http, string id, SmscFarm smsc, SmscCounts before, long accepted, int slots,
        TimeSpan limit, CancellationToken cancellationToken)
    {
        var polls = 0;
        Progress? last = null;
        async Task<Progress> ReadAsync()
        {
            polls++;
            last = await ReadProgressAsync(http, id, cancellationToken);
            return last;
        }

        TimeSpan Left() => limit - Clock.GetElapsedTime(accepted);
        string Seen() => last is null ? "no status read yet" : $"last status: {last}";

        if (!await WaitAsync(() => smsc.FirstSubmitTimestamp is not null, FastPoll, Left()))
            return Run.Failed($"no submit_sm reached the SMSC simulator within {limit.TotalSeconds:F0} s of the 202");
        var firstSend = Clock.GetElapsedTime(accepted, smsc.FirstSubmitTimestamp!.Value);

        if (!await WaitAsync(() => smsc.PartsAccepted - before.PartsAccepted >= slots, FastPoll, Left()))
            return Run.Failed($"the SMSC simulator accepted {smsc.PartsAccepted - before.PartsAccepted:N0} of {slots:N0} parts within {limit.TotalSeconds:F0} s");
        if (!await WaitAsync(async () => (await ReadAsync()).AllHandedOver(slots), StatusPoll, Left()))
            return Run.Failed($"not every slot was handed over within {limit.TotalSeconds:F0} s; {Seen()}");
        var allSent = Clock.GetElapsedTime(accepted);

        if (!await WaitAsync(() => smsc.ReceiptsSent - before.ReceiptsSent >= slots, FastPoll, Left()))
            return Run.Failed($"the SMSC simulator sent {smsc.ReceiptsSent - before.ReceiptsSent:N0} of {slots:N0} receipts within {limit.TotalSeconds:F0} s");
        if (!await WaitAsync(async () => (await ReadAsync()).AllFinal, StatusPoll, Left()))
            return Run.Failed($"not every slot was final within {limit.TotalSeconds:F0} s; {Seen()}");
        var allFinal = Clock.GetElapsedTime(accepted);

        return new Run(firstSend, allSent, allFinal, last!, polls, null);
    }

    private static async Task<Progress> ReadProgressAsync(HttpClient http, string id, CancellationToken cancellationToken)
    {
        await using var body = await http.GetStreamAsync(new Uri($"/api/v1/warnings/{id}", UriKind.Relative), cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return Progress.Read(json.RootElement);
    }

    private static Task<bool> WaitAsync(Func<bool> done, TimeSpan every, TimeSpan limit) =>
        WaitAsync(() => ValueTask.FromResult(done()), every, limit);

    /// <summary>Polls until <paramref name="done"/>; false when <paramref name="limit"/> passes first.</summary>
    private static async Task<bool> WaitAsync(Func<ValueTask<bool>> done, TimeSpan every, TimeSpan limit)
    {
        var start = Clock.GetTimestamp();
        while (!await done())
        {
            if (Clock.GetElapsedTime(start) >= limit) return false;
            await Task.Delay(every, Clock);
        }
        return true;
    }

    private static void Report(Result r, bool json)
    {
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                persons = r.Settings.Persons,
                firstSendMs = Ms(r.Run.FirstSend),
                allSentMs = Ms(r.Run.AllSent),
                allFinalMs = Ms(r.Run.AllFinal),
                perSecond = r.PerSecond,
                slots = r.Slots,
                partsPerMessage = r.PartsPerMessage,
                smsChars = r.SmsChars,
                acceptMs = Ms(r.Accept),
                delivered = r.Run.Final.Delivered,
                failed = r.Run.Final.Failed,
                unconfirmed = r.Run.Final.Unconfirmed,
                possiblyDuplicated = r.Run.Final.PossiblyDuplicated,
                smscSubmits = r.Smsc.Submits,
                smscReceipts = r.Smsc.ReceiptsSent,
                statusPolls = r.Run.StatusPolls,
                binds = r.Settings.Binds,
                window = r.Settings.Window,
                workers = r.Settings.Workers,
                warmup = r.Settings.Warmup,
                peakRssMb = r.PeakRssMb,
                gateways = r.Settings.Gateways,
                gatewayRate = r.Settings.GatewayRate,
                boundMs = r.BoundMs,
                withinBound = r.BoundMs is { } bound ? r.Run.AllFinal.TotalMilliseconds <= bound : (bool?)null,
                writer = r.Writer.ToDictionary(w => w.Key, w => new { transactions = w.Value.Transactions, ms = Ms(w.Value.Held) }),
                receipts = new { attached = r.Receipts.Attached, held = r.Receipts.Held, notKnownYet = r.Receipts.Unknown },
            }));
            return;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            e2e: {r.Settings.Persons:N0} persons -> {r.Slots:N0} SMS slots, {r.PartsPerMessage} UCS-2 part per message ({r.SmsChars} characters with the signature); 202 after {Ms(r.Accept)} ms{(r.Settings.Warmup ? " (after a warm-up Test warning)" : " (cold hub)")}
              first submit_sm {Ms(r.Run.FirstSend)} ms after the 202 (target <= 100 ms)
              all handed over {Ms(r.Run.AllSent)} ms, all final {Ms(r.Run.AllFinal)} ms = {r.PerSecond:N0} persons/s (target >= 15,000)
              {(r.BoundMs is { } b ? $"{r.Settings.Gateways} gateways at {r.Settings.GatewayRate}/s each: bound {b:N0} ms, {(r.Run.AllFinal.TotalMilliseconds <= b ? "met" : "NOT met")}" : "gateways unlimited")}
              the database writer was held {Ms(r.Writer.Values.Aggregate(TimeSpan.Zero, (sum, w) => sum + w.Held)):N0} ms: {string.Join(", ", r.Writer.OrderByDescending(w => w.Value.Held).Select(w => $"{w.Key} {Ms(w.Value.Held):N0} ms in {w.Value.Transactions:N0}"))}
              receipts offered to their unwritten outcomes: {r.Receipts.Attached:N0} written with them, {r.Receipts.Held:N0} held for a write under way, {r.Receipts.Unknown:N0} offers before the send's answer was known
              delivered {r.Run.Final.Delivered:N0}, failed {r.Run.Final.Failed:N0}, unconfirmed {r.Run.Final.Unconfirmed:N0}, possibly duplicated {r.Run.Final.PossiblyDuplicated:N0}; SMSC saw {r.Smsc.Submits:N0} submit_sm and sent {r.Smsc.ReceiptsSent:N0} receipts; peak RSS {r.PeakRssMb:F0} MB
            """));
    }

    private static double Ms(TimeSpan t) => Math.Round(t.TotalMilliseconds, 1);

    /// <summary>One reading of GET /api/v1/warnings/{id}: the warning's state and its SMS counts.</summary>
    private sealed record Progress(string State, int Planned, int AwaitingReceipt, int Pending, int Delivered, int Failed, int Unconfirmed, int PossiblyDuplicated)
    {
        /// <summary>Planning is over (Released) and every slot was accepted by the SMSC or is final.</summary>
        public bool AllHandedOver(int slots) => State == "Released" && Planned == slots && Planned - Pending + AwaitingReceipt == Planned;

        public bool AllFinal => State == "Released" && Planned > 0 && Pending == 0;

        /// <summary>A warning whose SMS channel has no counts yet reads as nothing planned.</summary>
        public static Progress Read(JsonElement warning)
        {
            var state = warning.GetProperty("state").GetString() ?? "";
            if (!warning.TryGetProperty("channels", out var channels) || !channels.TryGetProperty("sms", out var sms))
                return new Progress(state, 0, 0, 0, 0, 0, 0, 0);
            int N(string name) => sms.GetProperty(name).GetInt32();
            return new Progress(state, N("planned"), N("awaitingReceipt"), N("pending"), N("delivered"), N("failed"), N("unconfirmed"), N("possiblyDuplicated"));
        }
    }

    private sealed record Run(TimeSpan FirstSend, TimeSpan AllSent, TimeSpan AllFinal, Progress Final, int StatusPolls, string? Problem)
    {
        public static Run Failed(string problem) => new(default, default, default, new Progress("", 0, 0, 0, 0, 0, 0, 0), 0, problem);
    }

    /// <summary>The simulator's counters at one moment; subtract two to get a run's share.</summary>
    private readonly record struct SmscCounts(long Submits, long PartsAccepted, long ReceiptsSent)
    {
        public SmscCounts(SmscFarm smsc)
            : this(smsc.Submits, smsc.PartsAccepted, smsc.ReceiptsSent)
        {
        }

        public static SmscCounts operator -(SmscCounts a, SmscCounts b) =>
            new(a.Submits - b.Submits, a.PartsAccepted - b.PartsAccepted, a.ReceiptsSent - b.ReceiptsSent);
    }

    /// <param name="Writer">Per caller, how often and how long the run held the database's one writer (from the 202 to the end).</param>
    /// <param name="Receipts">What became of receipts that came before their send's outcome was written (UnrecordedSends).</param>
    private sealed record Result(Settings Settings, int Slots, int PartsPerMessage, int SmsChars, TimeSpan Accept, Run Run, SmscCounts Smsc,
        IReadOnlyDictionary<string, (long Transactions, TimeSpan Held)> Writer, (long Attached, long Held, long Unknown) Receipts)
    {
        public double PerSecond => Math.Round(Settings.Persons / Run.AllFinal.TotalSeconds);

        public double PeakRssMb { get; } = ProcessMemory.PeakRssMb();

        /// <summary>Issue 12's bound under gateway limits: 1.05 × slots ÷ (the gateways' summed rate) + 2 s; null when unlimited.</summary>
        public double? BoundMs => Settings.GatewayRate > 0
            ? Math.Round(1000 * ((1.05 * Slots * PartsPerMessage / ((double)Settings.Gateways * Settings.GatewayRate)) + 2), 1)
            : null;

        /// <summary>Every slot delivered, each by exactly one submit_sm: nothing lost, nothing resent.</summary>
        public bool AllDelivered => Run.Final.Delivered == Slots && Smsc.Submits == (long)Slots * PartsPerMessage;
    }
}
