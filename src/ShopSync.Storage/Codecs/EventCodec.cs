using System.Text.Json;
using ShopSync.Queue.Events;

namespace ShopSync.Storage.Codecs;

/// <summary>Maps event payloads to (kind, JSON) for the events table.</summary>
internal static class EventCodec
{
    public const int Accepted = 1;
    public const int Waiting = 2;
    public const int Started = 3;
    public const int Progress = 4;
    public const int AttemptFailed = 5;
    public const int Completed = 6;
    public const int StatusChanged = 7;

    public static (int Kind, string Json) Encode(JobEventData data)
    {
        var context = StorageJsonContext.Default;
        return data switch
        {
            JobWaiting e => (Waiting, JsonSerializer.Serialize(e, context.JobWaiting)),
            JobStarted e => (Started, JsonSerializer.Serialize(e, context.JobStarted)),
            JobProgressReported e => (Progress, JsonSerializer.Serialize(e, context.JobProgressReported)),
            JobAttemptFailed e => (AttemptFailed, JsonSerializer.Serialize(e, context.JobAttemptFailed)),
            JobCompleted e => (Completed, JsonSerializer.Serialize(e, context.JobCompleted)),
            JobStatusChanged e => (StatusChanged, JsonSerializer.Serialize(e, context.JobStatusChanged)),
            JobAccepted e => (Accepted, JsonSerializer.Serialize(e, context.JobAccepted)),
            _ => throw new ArgumentOutOfRangeException(nameof(data), data.GetType().Name, "Unknown job event payload."),
        };
    }

    public static JobEventData Decode(int kind, string json)
    {
        var context = StorageJsonContext.Default;
        JobEventData? data = kind switch
        {
            Waiting => JsonSerializer.Deserialize(json, context.JobWaiting),
            Started => JsonSerializer.Deserialize(json, context.JobStarted),
            Progress => JsonSerializer.Deserialize(json, context.JobProgressReported),
            AttemptFailed => JsonSerializer.Deserialize(json, context.JobAttemptFailed),
            Completed => JsonSerializer.Deserialize(json, context.JobCompleted),
            StatusChanged => JsonSerializer.Deserialize(json, context.JobStatusChanged),
            Accepted => JsonSerializer.Deserialize(json, context.JobAccepted),
            _ => null,
        };
        return data ?? throw new InvalidDataException($"Unreadable job event of kind {kind}.");
    }
}
