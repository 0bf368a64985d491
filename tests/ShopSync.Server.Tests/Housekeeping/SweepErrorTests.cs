using ShopSync.Server.Housekeeping;
using ShopSync.Server.Tests.Infrastructure;

namespace ShopSync.Server.Tests.Housekeeping;

/// <summary>
/// What a failed housekeeping sweep logs: an error, unless the server's shutdown cancelled it (the sweep runs on the
/// wall clock's cron, so a server stopping at the wrong second used to log a cancelled sweep as an error).
/// </summary>
public sealed class SweepErrorTests
{
    [Fact]
    public void OnSweepError_CanceledWhileTheServerStops_InformationNotError()
    {
        using var capture = new LogCapture();
        using var stopping = new CancellationTokenSource();
        stopping.Cancel();

        HousekeepingSetup.OnSweepError(capture.CreateLogger("ShopSync.Server.Housekeeping"), stopping.Token, new TaskCanceledException());

        var record = Assert.Single(capture.Records);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Equal(7103, record.EventId.Id);
    }

    [Fact]
    public void OnSweepError_CanceledWhileTheServerRuns_IsAnError()
    {
        using var capture = new LogCapture();

        HousekeepingSetup.OnSweepError(capture.CreateLogger("ShopSync.Server.Housekeeping"), CancellationToken.None, new TaskCanceledException());

        var record = Assert.Single(capture.Records);
        Assert.Equal(LogLevel.Error, record.Level);
        Assert.Equal(7102, record.EventId.Id);
    }

    [Fact]
    public void OnSweepError_AnyOtherErrorWhileTheServerStops_IsAnError()
    {
        using var capture = new LogCapture();
        using var stopping = new CancellationTokenSource();
        stopping.Cancel();

        HousekeepingSetup.OnSweepError(capture.CreateLogger("ShopSync.Server.Housekeeping"), stopping.Token, new IOException("disk"));

        Assert.Equal(LogLevel.Error, Assert.Single(capture.Records).Level);
    }
}
