using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Conformance;

namespace ShopSync.Storage.Postgres.Tests;

/// <summary>How the group commit forms its groups and what a failed group does, with the writes replaced by fakes (run ends here).</summary>
public sealed class PgGroupCommitTests
{
    [Fact]
    public async Task WriteAsync_WhileTwoGroupsAreInFlight_TheOthersGoTogetherInTheNext()
    {
        var written = new List<int>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var groups = Groups(
            async group =>
            {
                lock (written)
                {
                    written.Add(group.Count);
                }

                await gate.Task;
                return group.Select(Accepted).ToList();
            },
            async item =>
            {
                lock (written)
                {
                    written.Add(1);
                }

                await gate.Task;
                return Accepted(item);
            });

        // The first two lead (written alone, held at the gate); the five that come meanwhile are queued.
        var calls = Enumerable.Range(0, 7).Select(i => groups.WriteAsync(new PgCompletionWrite(Completion(), Claim($"C{i}")))).ToList();
        Assert.Equal([1, 1], written);
        gate.SetResult();
        var results = await Task.WhenAll(calls);

        Assert.Equal([1, 1, 5], written);
        Assert.All(results, r => Assert.True(r.Accepted));
    }

    [Fact]
    public async Task WriteAsync_GroupFails_EachIsWrittenAloneAndOnlyTheFaultyOneFails()
    {
        var faulty = Guid.NewGuid();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var alone = 0;
        var groups = Groups(
            _ => throw new InvalidOperationException("a value PostgreSQL refused"),
            async item =>
            {
                Interlocked.Increment(ref alone);
                await gate.Task;
                return item.Completion.JobId == faulty ? throw new InvalidOperationException("a value PostgreSQL refused") : Accepted(item);
            });

        var leaders = new[] { groups.WriteAsync(new PgCompletionWrite(Completion(), null)), groups.WriteAsync(new PgCompletionWrite(Completion(), null)) };
        var queued = new[] { groups.WriteAsync(new PgCompletionWrite(Completion(faulty), null)), groups.WriteAsync(new PgCompletionWrite(Completion(), null)), groups.WriteAsync(new PgCompletionWrite(Completion(), null)) };
        gate.SetResult();
        await Task.WhenAll(leaders);

        await Assert.ThrowsAsync<InvalidOperationException>(() => queued[0]);
        Assert.True((await queued[1]).Accepted);
        Assert.True((await queued[2]).Accepted);
        Assert.Equal(5, alone);
    }

    [Fact]
    public async Task WriteAsync_DatabaseUnavailable_EveryOneOfTheGroupGetsTheTransientError()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var unavailable = new StorageUnavailableException(StorageFailureReason.Busy, "the database is down");
        var togetherCalls = 0;
        var groups = Groups(
            _ =>
            {
                Interlocked.Increment(ref togetherCalls);
                throw unavailable;
            },
            async item =>
            {
                await gate.Task;
                return Accepted(item);
            });

        _ = groups.WriteAsync(new PgCompletionWrite(Completion(), null));
        _ = groups.WriteAsync(new PgCompletionWrite(Completion(), null));
        var queued = Enumerable.Range(0, 3).Select(_ => groups.WriteAsync(new PgCompletionWrite(Completion(), null))).ToList();
        gate.SetResult();

        foreach (var call in queued)
        {
            Assert.Same(unavailable, await Assert.ThrowsAsync<StorageUnavailableException>(() => call));
        }

        Assert.Equal(1, togetherCalls);
    }

    [Fact]
    public async Task WriteAsync_SameEntryOrSameCategoryTwice_NeverInOneGroup()
    {
        var groupsSeen = new List<IReadOnlyList<PgCompletionWrite>>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var groups = Groups(
            async group =>
            {
                lock (groupsSeen)
                {
                    groupsSeen.Add(group);
                }

                await gate.Task;
                return group.Select(Accepted).ToList();
            },
            async item =>
            {
                await gate.Task;
                return Accepted(item);
            });

        var entry = Guid.NewGuid();
        var c = new[] { Completion(), Completion(), Completion(entry), Completion(entry), Completion(), Completion(), Completion() };
        var calls = new List<Task<CompletionResult>>
        {
            groups.WriteAsync(new PgCompletionWrite(c[0], null)),
            groups.WriteAsync(new PgCompletionWrite(c[1], null)),
            groups.WriteAsync(new PgCompletionWrite(c[2], Claim("A"))),
            groups.WriteAsync(new PgCompletionWrite(c[3], null)),
            groups.WriteAsync(new PgCompletionWrite(c[4], Claim("A"))),
            groups.WriteAsync(new PgCompletionWrite(c[5], Claim("B", owner: "node-b"))),
            groups.WriteAsync(new PgCompletionWrite(c[6], Claim("C"))),
        };
        gate.SetResult();
        await Task.WhenAll(calls);

        // The first two led alone. Of the queued five, the first group takes what fits in order (the entry once,
        // category A once, one owner), the next group what fits of the rest, and the other owner's is written alone.
        var seen = groupsSeen.Select(g => g.Select(p => p.Completion).ToHashSet()).ToList();
        Assert.Equal(2, seen.Count);
        Assert.Contains(seen, g => g.SetEquals([c[2], c[6]]));
        Assert.Contains(seen, g => g.SetEquals([c[3], c[4]]));
    }

    private static RunCompletion Completion(Guid? id = null) => new()
    {
        JobId = id ?? Guid.NewGuid(),
        FencingToken = 1,
        LogEntryId = 1,
        Now = TestJobs.T0,
        Status = JobStatus.Finished,
        Result = JobResult.Succeeded,
    };

    private static ClaimRequest Claim(string category, string owner = "node-a") => TestJobs.Claim(category, owner);

    private static CompletionResult Accepted(PgCompletionWrite item) => new(true, null, [], null);

    private static PgGroupCommit<PgCompletionWrite, CompletionResult> Groups(
        Func<IReadOnlyList<PgCompletionWrite>, Task<IReadOnlyList<CompletionResult>>> together, Func<PgCompletionWrite, Task<CompletionResult>> alone) =>
        new(together, alone, PgGroupedCompletions.NewGroup);
}
