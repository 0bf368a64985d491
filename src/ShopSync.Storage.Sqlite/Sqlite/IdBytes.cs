namespace ShopSync.Storage.Sqlite;

/// <summary>
/// How the queue's tables hold an id: its 16 bytes in RFC 9562 (big-endian) order, the only place that says so. Entry
/// ids are version-7 UUIDs, whose big-endian bytes start with the enqueue time, so every index keyed by an id
/// (<c>ux_queue_jobs_id</c>, the events' key, <c>ix_queue_job_log_job</c>) grows at its right edge and the entries a
/// group commit touches share B-tree pages. <see cref="Guid.ToByteArray()"/>'s little-endian order scattered them:
/// measured, big-endian ids gave +6 % bulk enqueue and +7 %/+11 % no-op processing over 100 and 1 categories
/// (docs/job-queue.md). Migration <c>BigEndianIds</c> rewrote the ids stored before.
/// </summary>
internal static class IdBytes
{
    public const int Length = 16;

    public static byte[] ToBlob(Guid id) => id.ToByteArray(bigEndian: true);

    public static void Write(Guid id, Span<byte> destination)
    {
        if (!id.TryWriteBytes(destination, bigEndian: true, out _))
        {
            throw new ArgumentException($"An id takes {Length} bytes; the destination has {destination.Length}.", nameof(destination));
        }
    }

    public static Guid Read(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Length
            ? new Guid(bytes, bigEndian: true)
            : throw new InvalidDataException($"An id column held {bytes.Length} bytes, not {Length}.");
}
