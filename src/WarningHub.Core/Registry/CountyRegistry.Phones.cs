namespace WarningHub.Core.Registry;

public sealed partial class CountyRegistry
{
    private PhoneNumbering? phoneNumbering;

    /// <summary>
    /// Every distinct phone number of the registry numbered 0..<see cref="PhoneNumbering.Count"/>-1, by person.
    /// Built once, on first use (the hub builds it when it loads the registry), so that planning deduplicates phone
    /// numbers with an array lookup per person instead of hashing each number again for every warning: that hashing
    /// was most of the time between a release and its first persisted shard.
    /// </summary>
    public PhoneNumbering Phones => LazyInitializer.EnsureInitialized(ref phoneNumbering, () => PhoneNumbering.Of(persons));
}

/// <summary>A number per distinct phone number; persons sharing a phone share the number.</summary>
public sealed class PhoneNumbering
{
    private readonly int[] keys;

    private PhoneNumbering(int[] keys, int count)
    {
        this.keys = keys;
        Count = count;
    }

    /// <summary>How many distinct phone numbers there are.</summary>
    public int Count { get; }

    /// <summary>The number of the phone of the person at <paramref name="personIndex"/>, or -1 when the person has none.</summary>
    public int KeyOf(int personIndex) => keys[personIndex];

    internal static PhoneNumbering Of(Person[] persons)
    {
        var keys = new int[persons.Length];
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < persons.Length; i++)
        {
            var phone = persons[i].Phone;
            if (phone is null)
            {
                keys[i] = -1;
                continue;
            }
            if (!numbers.TryGetValue(phone, out var key))
            {
                key = numbers.Count;
                numbers.Add(phone, key);
            }
            keys[i] = key;
        }
        return new PhoneNumbering(keys, numbers.Count);
    }
}
