namespace ShopSync.Connector.Sync;

/// <summary>A run cannot start: no shop, unknown shop, no token, invalid filters. The message says what to fix.</summary>
internal sealed class SyncSetupException(string message) : Exception(message);
