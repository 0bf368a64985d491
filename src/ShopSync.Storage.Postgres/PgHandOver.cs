using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Postgres;

/// <summary>
/// A run's end whose transaction has committed, with what its fast claim took: <see cref="Claims"/> follows the
/// categories of <see cref="ClaimNext"/>, null where the fast claim did not take the category (left to the slow path,
/// <see cref="Rest"/>, in a transaction of its own).
/// </summary>
internal sealed record PgHandOver(Job? Job, List<QueueEvent> Events, ClaimRequest? ClaimNext, CategoryClaim?[] Claims)
{
    /// <summary>The categories the fast claim did not take, as a claim of their own; null when there are none.</summary>
    public ClaimRequest? Rest =>
        ClaimNext is null || Array.TrueForAll(Claims, c => c is not null)
            ? null
            : ClaimNext with { Categories = ClaimNext.Categories.Where((_, i) => Claims[i] is null).ToList() };

    /// <summary>The run end's result, given the outcomes of the slow path by category and the events they wrote.</summary>
    public CompletionResult ToResult(IReadOnlyDictionary<string, CategoryClaim> rest, IEnumerable<QueueEvent> restEvents)
    {
        var claims = new CategoryClaim[Claims.Length];
        for (var i = 0; i < claims.Length; i++)
        {
            claims[i] = Claims[i] ?? rest[ClaimNext!.Categories[i]];
        }

        var asked = Rest?.Categories ?? [];
        var events = Events;
        events.AddRange(restEvents.Where(e => asked.Contains(e.CategoryCode, StringComparer.Ordinal)));
        return new CompletionResult(Job is not null, Job, events, claims.FirstOrDefault()) { Claims = claims };
    }
}
