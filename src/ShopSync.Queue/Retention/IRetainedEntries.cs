namespace ShopSync.Queue.Retention;

/// <summary>
/// A part of the engine that still needs some entries whatever their age (e.g. schedules: their pending occurrences
/// and their current entry). A purge keeps every entry any registered source names.
/// </summary>
public interface IRetainedEntries
{
    /// <summary>The ids of the entries that must stay.</summary>
    Task<IReadOnlyCollection<Guid>> ListAsync(CancellationToken cancellationToken);
}
