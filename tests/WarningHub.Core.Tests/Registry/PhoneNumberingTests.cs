using WarningHub.Core.Registry;

namespace WarningHub.Core.Tests.Registry;

public sealed class PhoneNumberingTests
{
    [Fact]
    public void Phones_NumbersEachDistinctPhoneOnce_SharedPhonesShareANumber_NoPhoneIsMinusOne()
    {
        var registry = TinyCounty.Build();
        var phones = registry.Phones;

        var distinct = registry.Persons.Where(p => p.Phone is not null).Select(p => p.Phone).Distinct().Count();
        Assert.Equal(distinct, phones.Count);
        for (var i = 0; i < registry.Persons.Count; i++)
        {
            var key = phones.KeyOf(i);
            if (registry.Persons[i].Phone is null)
            {
                Assert.Equal(-1, key);
                continue;
            }
            Assert.InRange(key, 0, phones.Count - 1);
            for (var j = 0; j < registry.Persons.Count; j++)
            {
                // Same number exactly when same phone.
                Assert.Equal(registry.Persons[i].Phone == registry.Persons[j].Phone, key == phones.KeyOf(j));
            }
        }
    }

    [Fact]
    public void Phones_IsBuiltOnce()
    {
        var registry = TinyCounty.Build();
        Assert.Same(registry.Phones, registry.Phones);
    }
}
