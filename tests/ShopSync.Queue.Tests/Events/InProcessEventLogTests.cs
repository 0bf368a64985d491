using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Events;

namespace ShopSync.Queue.Tests.Events;

/// <summary>The queue-wide log of a single-node store: this process's published events, in publish order.</summary>
public sealed class InProcessEventLogTests
{
    [Fact]
    public async Task ReadAsync_FromTheHeadAndFromAnEventsPosition_GivesTheLaterEventsInOrderOnce()
    {
        var log = new InProcessEventLog();
        log.Append([Item(1)]);
        var head = await log.HeadAsync(CancellationToken.None);
        log.Append([Item(2), Item(3)]);
        log.Append([Item(4)]);

        var all = await log.ReadAsync(head, 10, CancellationToken.None);
        var rest = await log.ReadAsync(all.Events[0].Position, 10, CancellationToken.None);
        var paged = await log.ReadAsync(head, 2, CancellationToken.None);

        Assert.Equal([2L, 3, 4], all.Events.Select(e => e.Item.Event.Sequence));
        Assert.Equal([3L, 4], rest.Events.Select(e => e.Item.Event.Sequence));
        Assert.Equal([2L, 3], paged.Events.Select(e => e.Item.Event.Sequence));
        Assert.Equal(all.Events[1].Position, paged.Next);
        Assert.Empty((await log.ReadAsync(all.Next, 10, CancellationToken.None)).Events);
    }

    [Fact]
    public async Task ReadAsync_PositionOverwrittenByNewerEvents_IsAValidationErrorOnAfterPosition()
    {
        var log = new InProcessEventLog();
        var head = await log.HeadAsync(CancellationToken.None);
        log.Append([.. Enumerable.Range(1, InProcessEventLog.Capacity + 1).Select(i => Item(i))]);

        var error = await Assert.ThrowsAsync<JobValidationException>(() => log.ReadAsync(head, 10, CancellationToken.None));

        Assert.Equal("after_position", error.Field);
    }

    [Fact]
    public async Task ReadAsync_PositionOfAnotherLog_IsAValidationErrorOnAfterPosition()
    {
        var other = await new InProcessEventLog().HeadAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<JobValidationException>(() => new InProcessEventLog().ReadAsync(other, 10, CancellationToken.None));

        Assert.Equal("after_position", error.Field);
    }

    private static QueueEvent Item(long sequence) =>
        new(new JobEvent(Guid.Empty, sequence, DateTimeOffset.UnixEpoch, new JobStatusChanged(JobStatus.OnHold, "held")), "shop", "CAT", 1);
}
