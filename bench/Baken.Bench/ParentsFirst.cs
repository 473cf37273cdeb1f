namespace Baken.Bench;

/// <summary>Orders things that point to each other (entity types, tables) so that every parent comes before its children.</summary>
public static class ParentsFirst
{
    /// <summary>
    /// <paramref name="items"/> in rounds: each round takes, in <paramref name="name"/> order, every item whose
    /// parents among the items are already placed. Self-references do not count; a cycle is refused.
    /// </summary>
    public static List<T> Order<T>(IEnumerable<T> items, Func<T, IEnumerable<T>> parents, Func<T, string> name)
        where T : notnull
    {
        var pending = items.ToHashSet();
        var ordered = new List<T>();
        while (pending.Count > 0)
        {
            var ready = pending.Where(t => !parents(t).Any(p => !EqualityComparer<T>.Default.Equals(p, t) && pending.Contains(p))).ToList();
            if (ready.Count == 0)
            {
                throw new InvalidOperationException("The foreign keys form a cycle.");
            }

            ordered.AddRange(ready.OrderBy(name, StringComparer.Ordinal));
            pending.ExceptWith(ready);
        }

        return ordered;
    }
}
