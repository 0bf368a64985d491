namespace ShopSync.Queue.Controls;

/// <summary>The single-entry operations a bulk update applies. Values match <c>shopsync.v1.BulkAction</c>.</summary>
public enum BulkJobAction
{
    /// <summary>As <see cref="IJobQueue.HoldAsync"/>.</summary>
    Hold = 1,

    /// <summary>As <see cref="IJobQueue.SetReadyAsync"/>.</summary>
    Ready = 2,

    /// <summary>As <see cref="IJobQueue.RestartAsync"/>.</summary>
    Restart = 3,

    /// <summary>As <see cref="IJobQueue.RunNowAsync"/>.</summary>
    RunNow = 4,

    /// <summary>As <see cref="IJobQueue.CancelAsync"/>, without waiting for running handlers to stop.</summary>
    Cancel = 5,

    /// <summary>As <see cref="IJobQueue.DeleteAsync"/>.</summary>
    Delete = 6,
}
