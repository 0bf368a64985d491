using System.Text.Json;

namespace ShopSync.Connector.Sync;

/// <summary>Reads and writes a task's checkpoint as JSON; an unreadable checkpoint (older format) starts over.</summary>
internal static class SyncCheckpoint
{
    public static T? Read<T>(SyncSession session)
        where T : class
    {
        if (string.IsNullOrEmpty(session.Context.Checkpoint))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(session.Context.Checkpoint);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static Task SaveAsync<T>(SyncSession session, T checkpoint, CancellationToken cancellationToken) =>
        session.Progress.SaveCheckpointAsync(JsonSerializer.Serialize(checkpoint), cancellationToken);
}
