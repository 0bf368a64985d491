namespace ShopSync.Queue.Retention;

/// <summary>What one <see cref="IRetentionPart"/> removed.</summary>
/// <param name="Name">The part's <see cref="IRetentionPart.Name"/>.</param>
/// <param name="Removed">Rows deleted.</param>
/// <param name="Complete">False when the time bound stopped it before everything old was gone.</param>
public sealed record RetentionPartResult(string Name, long Removed, bool Complete);
