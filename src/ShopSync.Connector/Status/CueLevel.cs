namespace ShopSync.Connector.Status;

/// <summary>How urgent a cue is. Values match <c>shopsync.v1.CueLevel</c>.</summary>
public enum CueLevel
{
    /// <summary>Below the warning threshold.</summary>
    Ok = 1,

    /// <summary>At or above the warning threshold.</summary>
    Warning = 2,

    /// <summary>At or above the alert threshold.</summary>
    Alert = 3,
}
