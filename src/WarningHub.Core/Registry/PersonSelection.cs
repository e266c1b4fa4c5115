using System.Collections;

namespace WarningHub.Core.Registry;

/// <summary>
/// The persons of a target (one village up to the whole county): a view over the registry's village index,
/// made without copying persons. Enumerate with <c>foreach</c> (no allocation) or use <see cref="Indexes"/>.
/// </summary>
public sealed class PersonSelection : IReadOnlyList<Person>
{
    private readonly Person[] persons;
    private readonly int[] order;
    private readonly int start;

    internal PersonSelection(Person[] persons, int[] order, int start, int count)
    {
        this.persons = persons;
        this.order = order;
        this.start = start;
        Count = count;
    }

    /// <summary>How many persons are selected.</summary>
    public int Count { get; }

    /// <summary>Positions of the selected persons in <see cref="CountyRegistry.Persons"/>, grouped by village.</summary>
    public ReadOnlySpan<int> Indexes => order.AsSpan(start, Count);

    /// <summary>The i-th selected person.</summary>
    public Person this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return persons[order[start + index]];
        }
    }

    /// <summary>An allocation-free enumerator for <c>foreach</c>.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<Person> IEnumerable<Person>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates a <see cref="PersonSelection"/>.</summary>
    public struct Enumerator : IEnumerator<Person>
    {
        private readonly PersonSelection selection;
        private int position;

        internal Enumerator(PersonSelection selection)
        {
            this.selection = selection;
            position = -1;
        }

        /// <inheritdoc/>
        public readonly Person Current => selection.persons[selection.order[selection.start + position]];

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc/>
        public bool MoveNext() => ++position < selection.Count;

        /// <inheritdoc/>
        public void Reset() => position = -1;

        /// <inheritdoc/>
        public readonly void Dispose()
        {
        }
    }
}
