namespace WarningHub.Core.Registry;

/// <summary>
/// Issues unique synthetic mobile numbers without remembering them: the n-th number issued gets the suffix
/// (n * multiplier + offset) mod 10^8, a bijection because the multiplier is coprime to 10^8, so no two numbers
/// share a suffix whatever prefix they draw. Operators are drawn ~60% China Mobile, ~20% Unicom, ~20% Telecom.
/// </summary>
internal struct SyntheticPhones
{
    private const long SuffixSpace = 100_000_000;
    private static readonly double[] OperatorWeights = [0.6, 0.8, 1.0];   // cumulative
    private static readonly int[][] Prefixes =
    [
        [.. MobileOperators.ChinaMobilePrefixes],
        [.. MobileOperators.ChinaUnicomPrefixes],
        [.. MobileOperators.ChinaTelecomPrefixes],
    ];

    private readonly long multiplier;
    private readonly long offset;
    private long issued;

    public SyntheticPhones(ref SyntheticRandom random)
    {
        // Odd and not a multiple of 5, hence coprime to 10^8 = 2^8 * 5^8.
        var m = (long)(random.NextUInt64() % SuffixSpace) | 1;
        multiplier = m % 5 == 0 ? m + 2 : m;
        offset = (long)(random.NextUInt64() % SuffixSpace);
    }

    public string Next(ref SyntheticRandom random)
    {
        if (issued >= SuffixSpace)
        {
            throw new InvalidOperationException("More than 10^8 synthetic phone numbers were requested.");
        }

        var prefixes = Prefixes[random.NextWeighted(OperatorWeights)];
        var prefix = prefixes[random.Next(prefixes.Length)];
        var suffix = ((issued * multiplier) + offset) % SuffixSpace;   // < 10^16, no overflow
        issued++;
        return string.Create(PhoneNumber.Length, (prefix, suffix), static (span, value) =>
        {
            var (p, s) = value;
            for (var i = 2; i >= 0; i--, p /= 10)
            {
                span[i] = (char)('0' + (p % 10));
            }

            for (var i = 10; i >= 3; i--, s /= 10)
            {
                span[i] = (char)('0' + (s % 10));
            }
        });
    }
}
