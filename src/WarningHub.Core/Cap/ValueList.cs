using System.Collections;

namespace WarningHub.Core.Cap;

/// <summary>
/// An immutable list that compares by content, so that records holding lists compare by value:
/// a CAP alert read twice from the same document is equal to itself.
/// </summary>
internal sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly T[] items;

    private ValueList(T[] items) => this.items = items;

    public static ValueList<T> Empty { get; } = new([]);

    public int Count => items.Length;

    public T this[int index] => items[index];

    public static ValueList<T> From(IEnumerable<T>? source) => source switch
    {
        null => Empty,
        ValueList<T> list => list,
        _ => source.ToArray() is { Length: > 0 } array ? new ValueList<T>(array) : Empty,
    };

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    public bool Equals(ValueList<T>? other) =>
        other is not null && items.AsSpan().SequenceEqual(other.items, EqualityComparer<T>.Default);

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", items) + "]";
}

/// <summary>Creates <see cref="ValueList{T}"/> instances with type inference.</summary>
internal static class ValueList
{
    public static ValueList<T> Of<T>(IEnumerable<T>? source) => ValueList<T>.From(source);
}
