using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Baken.Features.Contact;

/// <summary>
/// Counts wrong receipt codes per locator (the first group of a code), from any address, in memory only. After
/// too many, that locator is refused for an hour whether it exists or not, so guessing the other 80 bits of
/// one report from many addresses is slowed as well, and the refusal says nothing about existence.
/// </summary>
public sealed class GuessThrottle(IOptions<AnonymousChannelOptions> options, TimeProvider timeProvider)
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset Since)> _wrong = new(StringComparer.Ordinal);

    public bool IsBlocked(string locator) =>
        _wrong.TryGetValue(locator, out var entry) && entry.Since + Window > timeProvider.GetUtcNow()
        && entry.Count >= options.Value.WrongCodesPerLocator;

    public void RecordWrong(string locator)
    {
        var now = timeProvider.GetUtcNow();
        _wrong.AddOrUpdate(locator, _ => (1, now), (_, e) => e.Since + Window > now ? (e.Count + 1, e.Since) : (1, now));
        if (_wrong.Count > 10_000)
        {
            foreach (var (key, value) in _wrong)
            {
                if (value.Since + Window <= now)
                {
                    _wrong.TryRemove(key, out _);
                }
            }
        }
    }

    public void Forget(string locator) => _wrong.TryRemove(locator, out _);
}
