using System.Text.Json.Serialization;

namespace WarningHub.FaultBattery;

/// <summary>
/// What one fault did to one warning, counted per phone from the SMSC's side and per slot from the hub's ledger.
/// </summary>
public sealed record FaultResult
{
    public required string Fault { get; init; }

    /// <summary>Phones the warning was planned for (one SMS slot each).</summary>
    public required int Phones { get; init; }

    /// <summary>Phones with at least one whole message.</summary>
    public required int Complete { get; init; }

    /// <summary>Phones with no whole message: lost.</summary>
    public required int Lost { get; init; }

    /// <summary>Phones with parts of a message that never became whole, and no whole message.</summary>
    public required int FragmentsAlone { get; init; }

    /// <summary>Phones with parts of a message that never became whole beside a whole one (a fragment of a resend).</summary>
    public required int FragmentsBesideWhole { get; init; }

    /// <summary>
    /// Of <see cref="FragmentsBesideWhole"/>, phones whose slot is not flagged "possibly duplicated": a resend under a
    /// new concatenation reference, which no handset can join to the parts it already has.
    /// </summary>
    public int FragmentsBesideWholeNotFlagged { get; init; }

    /// <summary>Phones that got a message, or a part, more than once: really affected.</summary>
    public required int Duplicated { get; init; }

    /// <summary>Slots flagged "possibly duplicated".</summary>
    public required int Flagged { get; init; }

    /// <summary>Phones that got something twice while their slot is not flagged.</summary>
    public required int DuplicatedNotFlagged { get; init; }

    /// <summary>Slots in each final state, and those not final.</summary>
    public required int Delivered { get; init; }

    public required int Unconfirmed { get; init; }

    public required int Failed { get; init; }

    public required int NotFinal { get; init; }

    /// <summary>What shows that the fault happened (drops, throttle answers, receipts withheld, minutes down, kills).</summary>
    public required IReadOnlyDictionary<string, double> Evidence { get; init; }

    public required double Seconds { get; init; }

    /// <summary>Every rule of issue 9 this run broke; empty when it passed.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    [JsonIgnore]
    public bool Passed => Problems.Count == 0;

    /// <summary>A fault whose run threw: nothing was counted, and the exception is its problem.</summary>
    public static FaultResult DidNotFinish(string fault, Exception exception, double seconds)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new FaultResult
        {
            Fault = fault,
            Phones = 0,
            Complete = 0,
            Lost = 0,
            FragmentsAlone = 0,
            FragmentsBesideWhole = 0,
            Duplicated = 0,
            Flagged = 0,
            DuplicatedNotFlagged = 0,
            Delivered = 0,
            Unconfirmed = 0,
            Failed = 0,
            NotFinal = 0,
            Evidence = new Dictionary<string, double>(),
            Seconds = Math.Round(seconds, 1),
            Problems = [$"did not finish: {exception.GetType().Name}: {exception.Message}"],
        };
    }
}
