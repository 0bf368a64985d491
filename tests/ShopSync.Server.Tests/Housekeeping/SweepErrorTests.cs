using ShopSync.Server.Housekeeping;
using ShopSync.Server.Tests.Infrastructure;

namespace ShopSync.Server.Tests.Housekeeping;

/// <summary>
/// What a failed housekeeping sweep logs: an error, unless the server's shutdown cancelled it (the sweep runs on the
/// wall clock's cron, so a server stopping at the wrong second used to log a cancelled sweep as an error).
/// </summary>
public sealed class SweepErrorTests
{
    [Theory]
    [InlineData(true, "canceled", LogLevel.Information, 7103)]
    [InlineData(false, "canceled", LogLevel.Error, 7102)]
    [InlineData(true, "io", LogLevel.Error, 7102)]
    public void OnSweepError_LogsAFailureUnlessTheShutdownCanceledTheSweep(bool serverStopping, string error, LogLevel level, int eventId)
    {
        using var capture = new LogCapture();
        using var stopping = new CancellationTokenSource();
        if (serverStopping)
        {
            stopping.Cancel();
        }

        Exception exception = error == "canceled" ? new TaskCanceledException() : new IOException("disk");
        HousekeepingSetup.OnSweepError(capture.CreateLogger("ShopSync.Server.Housekeeping"), stopping.Token, exception);

        var record = Assert.Single(capture.Records);
        Assert.Equal(level, record.Level);
        Assert.Equal(eventId, record.EventId.Id);
    }
}
