namespace WarningHub.Core.Registry;

/// <summary>Settings of <see cref="CountyGenerator"/>. Everything it makes is synthetic.</summary>
public sealed record CountyGeneratorOptions
{
    /// <summary>Persons to generate.</summary>
    /// <value>20,000.</value>
    public int PersonCount { get; init; } = 20_000;

    /// <summary>Seed; the same seed and options give the same households and persons.</summary>
    /// <value>1.</value>
    public long Seed { get; init; } = 1;

    /// <summary>Share of persons without a phone of their own (elderly, children).</summary>
    /// <value>0.08.</value>
    public double NoPhoneShare { get; init; } = 0.08;

    /// <summary>Share of persons using the phone of another member of their household.</summary>
    /// <value>0.03.</value>
    public double SharedPhoneShare { get; init; } = 0.03;

    /// <summary>
    /// Persons flagged <see cref="Person.IsTestRecipient"/> (officers who receive Test and Exercise warnings), spread
    /// evenly over the villages: the first persons of every n-th village. Each has a phone of their own.
    /// </summary>
    /// <value>20.</value>
    public int TestRecipientCount { get; init; } = 20;

    /// <summary>Households are scattered uniformly within this distance of their village's seat.</summary>
    /// <value>1.5 km.</value>
    public double JitterKm { get; init; } = 1.5;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(PersonCount, nameof(PersonCount));
        ArgumentOutOfRangeException.ThrowIfNegative(TestRecipientCount, nameof(TestRecipientCount));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(TestRecipientCount, PersonCount, nameof(TestRecipientCount));
        if (NoPhoneShare is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(NoPhoneShare), NoPhoneShare, "must be between 0 and 1");
        }

        if (SharedPhoneShare < 0 || NoPhoneShare + SharedPhoneShare > 0.5)
        {
            throw new ArgumentOutOfRangeException(
                nameof(SharedPhoneShare), SharedPhoneShare, $"must be at least 0 and, with {nameof(NoPhoneShare)}, at most 0.5");
        }

        if (JitterKm is < 0 or > 50 || double.IsNaN(JitterKm))
        {
            throw new ArgumentOutOfRangeException(nameof(JitterKm), JitterKm, "must be between 0 and 50 km");
        }
    }
}
