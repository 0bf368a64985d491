using System.Text.Json.Serialization;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;

namespace ShopSync.Storage.Codecs;

/// <summary>Source-generated JSON for the parts of a row stored as text (no reflection on the hot path).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<RequestPageFilter>))]
[JsonSerializable(typeof(List<RequestPageOption>))]
[JsonSerializable(typeof(JobWaiting))]
[JsonSerializable(typeof(JobStarted))]
[JsonSerializable(typeof(JobProgressReported))]
[JsonSerializable(typeof(JobAttemptFailed))]
[JsonSerializable(typeof(JobCompleted))]
[JsonSerializable(typeof(JobStatusChanged))]
[JsonSerializable(typeof(JobAccepted))]
internal sealed partial class StorageJsonContext : JsonSerializerContext
{
}
