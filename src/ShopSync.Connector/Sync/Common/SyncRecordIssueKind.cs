namespace ShopSync.Connector.Sync;

/// <summary>Kind of a record issue.</summary>
public enum SyncRecordIssueKind
{
    Skipped = 1,
    Failed = 2,
}
