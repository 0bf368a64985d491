using ShopSync.Queue.Controls;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Errors;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;

namespace ShopSync.Storage.Conformance;

/// <summary>
/// The contract of <see cref="IJobStore"/>. Every driver derives a class from this one with its own
/// <see cref="IStoreFactory"/>; the SQLite driver runs it now, a PostgreSQL driver must pass it unchanged.
/// </summary>
public abstract class JobStoreConformanceTests
{
    private static CancellationToken Ct => CancellationToken.None;

    protected abstract IStoreFactory Factory { get; }

    [Fact]
    public async Task Insert_AssignsIncreasingEntryNumbersAndAcceptedEvent()
    {
        var store = await Factory.CreateAsync(Ct);
        var result = await store.InsertAsync([TestJobs.New(), TestJobs.New()], Ct);
        Assert.True(result.Value[1].EntryNo > result.Value[0].EntryNo);
        Assert.All(result.Events, e => Assert.IsType<JobAccepted>(e.Event.Data));
        var stored = await store.GetAsync(result.Value[0].Id, Ct);
        Assert.NotNull(stored);
        Assert.Equal(JobStatus.Ready, stored.Status);
        Assert.Equal("Fully Paid", stored.Filters[0].Field);
        Assert.Equal("steps", stored.Options[0].Name);
        Assert.Equal(1, stored.LastEventSequence);
    }

    [Fact]
    public async Task Claim_TakesLowestPriorityThenEntryNumber()
    {
        var store = await Factory.CreateAsync(Ct);
        var jobs = (await store.InsertAsync([TestJobs.New(priority: 5), TestJobs.New(priority: 1), TestJobs.New(priority: 1)], Ct)).Value;
        var claim = (await store.ClaimAsync(TestJobs.Claim(), Ct)).Value.Single();
        Assert.Equal(CategoryClaimStatus.Claimed, claim.Status);
        Assert.Equal(jobs[1].Id, claim.Job!.Id);
        Assert.Equal(JobStatus.InProcess, claim.Job.Status);
        Assert.Equal(1, claim.Job.Attempts);
        Assert.Equal("node-a", claim.Job.LeaseOwner);
        Assert.True(claim.LogEntryId > 0);
    }

    [Fact]
    public async Task Claim_CategoryBusy_ReportsBusyAndMarksOthersWaiting()
    {
        var store = await Factory.CreateAsync(Ct);
        var jobs = (await store.InsertAsync([TestJobs.New(), TestJobs.New()], Ct)).Value;
        var first = await store.ClaimAsync(TestJobs.Claim(), Ct);
        var second = await store.ClaimAsync(TestJobs.Claim(owner: "node-b"), Ct);
        Assert.Equal(CategoryClaimStatus.Claimed, first.Value[0].Status);
        Assert.Equal(CategoryClaimStatus.Busy, second.Value[0].Status);
        Assert.Equal(JobStatus.Waiting, (await store.GetAsync(jobs[1].Id, Ct))!.Status);
        Assert.Contains(first.Events, e => e.Event.JobId == jobs[1].Id && e.Event.Data is JobWaiting);
    }

    [Fact]
    public async Task Insert_WhileCategoryBusy_StoresWaiting()
    {
        var store = await Factory.CreateAsync(Ct);
        await store.InsertAsync([TestJobs.New()], Ct);
        await store.ClaimAsync(TestJobs.Claim(), Ct);
        var late = (await store.InsertAsync([TestJobs.New()], Ct)).Value[0];
        Assert.Equal(JobStatus.Waiting, late.Status);
    }

    [Fact]
    public async Task Claim_NothingDue_ReturnsEmptyWithNextDueTime()
    {
        var store = await Factory.CreateAsync(Ct);
        var later = TestJobs.T0.AddMinutes(5);
        await store.InsertAsync([TestJobs.New(earliest: later)], Ct);
        var claim = (await store.ClaimAsync(TestJobs.Claim(), Ct)).Value[0];
        Assert.Equal(CategoryClaimStatus.Empty, claim.Status);
        Assert.Equal(later, claim.NextDueAt);
    }

    [Fact]
    public async Task Claim_ExpiredEntry_FinishesItAsExpiredAndTakesTheNext()
    {
        var store = await Factory.CreateAsync(Ct);
        var jobs = (await store.InsertAsync([TestJobs.New(priority: 1, expiration: TestJobs.T0.AddSeconds(1)), TestJobs.New(priority: 2)], Ct)).Value;
        var result = await store.ClaimAsync(TestJobs.Claim(now: TestJobs.T0.AddSeconds(2)), Ct);
        Assert.Equal(jobs[1].Id, result.Value[0].Job!.Id);
        var expired = (await store.GetAsync(jobs[0].Id, Ct))!;
        Assert.Equal(JobStatus.Finished, expired.Status);
        Assert.Equal(JobResult.Expired, expired.LastResult);
    }

    [Fact]
    public async Task Complete_StaleFencingToken_IsRejected()
    {
        var store = await Factory.CreateAsync(Ct);
        await store.InsertAsync([TestJobs.New()], Ct);
        var claim = (await store.ClaimAsync(TestJobs.Claim(), Ct)).Value[0];
        var job = claim.Job!;
        var stale = Completion(job, claim.LogEntryId, JobStatus.Finished) with { FencingToken = job.FencingToken - 1 };
        Assert.False((await store.CompleteAsync(stale, null, Ct)).Accepted);
        var good = await store.CompleteAsync(Completion(job, claim.LogEntryId, JobStatus.Finished), null, Ct);
        Assert.True(good.Accepted);
        Assert.Equal(JobStatus.Finished, good.Job!.Status);
        Assert.False((await store.CompleteAsync(Completion(job, claim.LogEntryId, JobStatus.Finished), null, Ct)).Accepted);
    }

    [Fact]
    public async Task Complete_WithClaimNext_HandsOverInOneCall()
    {
        var store = await Factory.CreateAsync(Ct);
        var jobs = (await store.InsertAsync([TestJobs.New(), TestJobs.New()], Ct)).Value;
        var claim = (await store.ClaimAsync(TestJobs.Claim(), Ct)).Value[0];
        var result = await store.CompleteAsync(Completion(claim.Job!, claim.LogEntryId, JobStatus.Finished), TestJobs.Claim(), Ct);
        Assert.Equal(CategoryClaimStatus.Claimed, result.Next!.Status);
        Assert.Equal(jobs[1].Id, result.Next.Job!.Id);
        var log = await store.ListLogAsync(new JobLogQuery { JobId = jobs[0].Id }, Ct);
        Assert.Equal(JobResult.Succeeded, log.Entries.Single().Result);
        Assert.NotNull(log.Entries[0].EndTime);
    }

    [Fact]
    public async Task Complete_WithClaimNext_MarksEntriesDueMeanwhileWaitingForTheNextRun()
    {
        var store = await Factory.CreateAsync(Ct);
        var later = TestJobs.T0.AddMinutes(1);
        var jobs = (await store.InsertAsync([TestJobs.New(), TestJobs.New(), TestJobs.New(earliest: later)], Ct)).Value;
        var claim = (await store.ClaimAsync(TestJobs.Claim(), Ct)).Value[0];
        Assert.Equal(JobStatus.Ready, (await store.GetAsync(jobs[2].Id, Ct))!.Status);

        var result = await store.CompleteAsync(Completion(claim.Job!, claim.LogEntryId, JobStatus.Finished), TestJobs.Claim(now: later.AddMinutes(1)), Ct);

        Assert.Equal(jobs[1].Id, result.Next!.Job!.Id);
        var waiting = Assert.Single(result.Events, e => e.Event.JobId == jobs[2].Id);
        Assert.Equal(new JobWaiting(jobs[1].Id, "CAT"), waiting.Event.Data);
        Assert.Equal(JobStatus.Waiting, (await store.GetAsync(jobs[2].Id, Ct))!.Status);
        var stored = await store.ReadEventsAsync(jobs[2].Id, 0, 10, Ct);
        Assert.Equal(waiting.Event.Sequence, stored[^1].Sequence);
        Assert.Equal(waiting.Event.Data, stored[^1].Data);
    }

    [Fact]
    public async Task Complete_ClaimNextOfOtherCategories_ClaimsEachHeadInTheSameCall()
    {
        var store = await Factory.CreateAsync(Ct);
        var jobs = (await store.InsertAsync([TestJobs.New("A"), TestJobs.New("B"), TestJobs.New("A")], Ct)).Value;
        var claim = (await store.ClaimAsync(TestJobs.Claim("A"), Ct)).Value[0];
        var next = TestJobs.Claim() with { Categories = ["B", "A", "EMPTY"] };
        var result = await store.CompleteAsync(Completion(claim.Job!, claim.LogEntryId, JobStatus.Finished), next, Ct);
        Assert.True(result.Accepted);
        Assert.Equal(["B", "A", "EMPTY"], result.Claims.Select(c => c.CategoryCode));
        Assert.Equal([jobs[1].Id, jobs[2].Id], result.Claims.Take(2).Select(c => c.Job!.Id));
        Assert.Equal(CategoryClaimStatus.Empty, result.Claims[2].Status);
        Assert.Contains(result.Events, e => e.Event.JobId == jobs[1].Id && e.Event.Data is JobStarted);
    }

    [Fact]
    public async Task Complete_WithClaimNext_StoresTheEventsItAnswers()
    {
        // An owner that needs escaping in JSON (quotes, a backslash, non-ASCII): what a reader of the stored events gets
        // is what the call answered, whichever way the driver writes the payloads.
        const string owner = "node \"Zürich\" \\ 1";
        var store = await Factory.CreateAsync(Ct);
        var jobs = (await store.InsertAsync([TestJobs.New(), TestJobs.New(), TestJobs.New(earliest: TestJobs.T0.AddSeconds(1))], Ct)).Value;
        var claim = (await store.ClaimAsync(TestJobs.Claim(owner: owner), Ct)).Value[0];

        var result = await store.CompleteAsync(Completion(claim.Job!, claim.LogEntryId, JobStatus.Finished), TestJobs.Claim(owner: owner, now: TestJobs.T0.AddSeconds(1)), Ct);

        Assert.Equal(jobs[1].Id, result.Next!.Job!.Id);
        Assert.Contains(result.Events, e => e.Event.JobId == jobs[0].Id && e.Event.Data is JobCompleted);
        Assert.Contains(result.Events, e => e.Event.Data.Equals(new JobStarted(1, owner)));
        Assert.Contains(result.Events, e => e.Event.JobId == jobs[2].Id && e.Event.Data.Equals(new JobWaiting(jobs[1].Id, "CAT")));
        foreach (var answered in result.Events)
        {
            var stored = Assert.Single(await store.ReadEventsAsync(answered.Event.JobId, answered.Event.Sequence - 1, 1, Ct));
            Assert.Equal(answered.Event, stored);
        }

        var started = await store.ReadEventsAsync(jobs[1].Id, 0, 10, Ct);
        Assert.Equal(new JobStarted(1, owner), started[^1].Data);
    }

    [Fact]
    public async Task Complete_HoldAskedForDuringTheRun_EndsOnHoldWithItsStatusChangeLast()
    {
        var store = await Factory.CreateAsync(Ct);
        await store.InsertAsync([TestJobs.New()], Ct);
        var job = (await store.ClaimAsync(TestJobs.Claim(), Ct)).Value[0];
        var held = await store.ChangeAsync(new JobChange { JobId = job.Job!.Id, ExpectedStatus = JobStatus.InProcess, Now = TestJobs.T0, HoldRequested = true }, Ct);
        Assert.NotNull(held);
        var retry = Completion(job.Job, job.LogEntryId, JobStatus.Ready) with
        {
            Result = JobResult.Failed,
            EarliestStart = TestJobs.T0.AddMinutes(1),
            Events = [new JobAttemptFailed(1, 3, "Shopify answered 502", TestJobs.T0.AddMinutes(1))],
        };

        var result = await store.CompleteAsync(retry, null, Ct);

        Assert.Equal(JobStatus.OnHold, result.Job!.Status);
        Assert.Equal([typeof(JobAttemptFailed), typeof(JobStatusChanged)], result.Events.Select(e => e.Event.Data.GetType()));
        Assert.Equal(JobStatus.OnHold, ((JobStatusChanged)result.Events[1].Event.Data).Status);
        Assert.Equal(result.Job.LastEventSequence, result.Events[1].Event.Sequence);
        Assert.Equal(result.Events[1].Event.Sequence - 1, result.Events[0].Event.Sequence);
        var stored = await store.ReadEventsAsync(job.Job.Id, 0, 20, Ct);
        Assert.Equal(result.Events.Select(e => e.Event), stored.TakeLast(2));
    }

    [Fact]
    public async Task Complete_AnswersWhatTheRowHoldsAfterTheChangesMadeDuringTheRun()
    {
        // The ended entry a completion answers (what a foreground EnqueueJob returns) is what the row holds, whatever
        // the run (progress, checkpoint) and an operator (filters, options, a hold) changed while it was In Process.
        var store = await Factory.CreateAsync(Ct);
        await store.InsertAsync([TestJobs.New(), TestJobs.New()], Ct);
        var first = (await store.ClaimAsync(TestJobs.Claim(), Ct)).Value[0];
        var job = first.Job!;
        var reported = new JobProgress(40, "page 2 of 5", new JobCounters(2, 40, 1, 0));
        await store.AppendProgressAsync([new ProgressWrite(job.Id, job.FencingToken, reported, TestJobs.T0)], Ct);
        Assert.True(await store.SaveCheckpointAsync(job.Id, job.FencingToken, "cursor-2", Ct));
        var change = new JobChange
        {
            JobId = job.Id,
            ExpectedStatus = JobStatus.InProcess,
            Now = TestJobs.T0,
            HoldRequested = true,
            Filters = [new RequestPageFilter("Fully Paid", "false")],
            Options = [new RequestPageOption("steps", "2")],
        };
        Assert.NotNull(await store.ChangeAsync(change, Ct));
        var retry = Completion(job, first.LogEntryId, JobStatus.Ready) with
        {
            Result = JobResult.Failed,
            ErrorMessage = "Shopify answered 502",
            ErrorDetail = "HttpRequestException: 502",
            EarliestStart = TestJobs.T0.AddMinutes(1),
            RefundAttempt = true,
            Events = [new JobAttemptFailed(1, 3, "Shopify answered 502", TestJobs.T0.AddMinutes(1))],
        };

        var held = await store.CompleteAsync(retry, null, Ct);

        Assert.Equal(JobStatus.OnHold, held.Job!.Status);
        Assert.Equal(reported, held.Job.LastProgress);
        Assert.Equivalent(await store.GetAsync(job.Id, Ct), held.Job, strict: true);

        var second = (await store.ClaimAsync(TestJobs.Claim(now: TestJobs.T0.AddSeconds(2)), Ct)).Value[0];
        var finished = Completion(second.Job!, second.LogEntryId, JobStatus.Finished) with
        {
            Now = TestJobs.T0.AddSeconds(3),
            Progress = new JobProgress(100, "done", new JobCounters(5, 100, 0, 2)),
            ResetAttempts = true,
        };

        var ended = await store.CompleteAsync(finished, null, Ct);

        Assert.Equal(JobStatus.Finished, ended.Job!.Status);
        Assert.Equal(0, ended.Job.Attempts);
        Assert.Equivalent(await store.GetAsync(second.Job!.Id, Ct), ended.Job, strict: true);
    }

    [Fact]
    public async Task Complete_WithClaimNextOverAnExpiredHead_ExpiresItAndClaimsTheEntryAfterIt()
    {
        var store = await Factory.CreateAsync(Ct);
        var jobs = (await store.InsertAsync([TestJobs.New(priority: 1), TestJobs.New(priority: 2, expiration: TestJobs.T0.AddSeconds(1)), TestJobs.New(priority: 3)], Ct)).Value;
        var claim = (await store.ClaimAsync(TestJobs.Claim(), Ct)).Value[0];
        var end = Completion(claim.Job!, claim.LogEntryId, JobStatus.Finished) with { Now = TestJobs.T0.AddSeconds(2) };

        var result = await store.CompleteAsync(end, TestJobs.Claim(now: TestJobs.T0.AddSeconds(2)), Ct);

        Assert.True(result.Accepted);
        Assert.Equal(jobs[2].Id, result.Next!.Job!.Id);
        var expired = Assert.Single(result.Events, e => e.Event.JobId == jobs[1].Id && e.Event.Data is JobCompleted);
        Assert.Equal(JobResult.Expired, ((JobCompleted)expired.Event.Data).Result);
        Assert.Equal(JobResult.Expired, (await store.GetAsync(jobs[1].Id, Ct))!.LastResult);
        Assert.Contains(result.Events, e => e.Event.JobId == jobs[2].Id && e.Event.Data is JobStarted);
    }

    [Fact]
    public async Task MarkWaiting_DueEntriesOfABusyCategory_BecomeWaitingWithAnEvent()
    {
        var store = await Factory.CreateAsync(Ct);
        var later = TestJobs.T0.AddMinutes(1);
        var jobs = (await store.InsertAsync([TestJobs.New(), TestJobs.New(earliest: later)], Ct)).Value;
        await store.ClaimAsync(TestJobs.Claim(), Ct);
        Assert.Empty(await store.MarkWaitingAsync("CAT", TestJobs.T0, Ct));
        var events = await store.MarkWaitingAsync("CAT", later, Ct);
        Assert.Equal(new JobWaiting(jobs[0].Id, "CAT"), Assert.Single(events).Event.Data);
        Assert.Equal(JobStatus.Waiting, (await store.GetAsync(jobs[1].Id, Ct))!.Status);
    }

    [Fact]
    public async Task Insert_DueInABusyCategory_StoredWaitingWithAWaitingEvent()
    {
        var store = await Factory.CreateAsync(Ct);
        var running = (await store.InsertAsync([TestJobs.New()], Ct)).Value[0];
        await store.ClaimAsync(TestJobs.Claim(), Ct);
        var result = await store.InsertAsync([TestJobs.New()], Ct);
        Assert.Equal(JobStatus.Waiting, result.Value[0].Status);
        Assert.Equal(2, result.Value[0].LastEventSequence);
        var events = await store.ReadEventsAsync(result.Value[0].Id, 0, 10, Ct);
        Assert.Equal(new JobWaiting(running.Id, "CAT"), events[1].Data);
    }

    [Fact]
    public async Task Insert_ManyConcurrentCallsWithOneDuplicate_OnlyTheDuplicateFails()
    {
        var store = await Factory.CreateAsync(Ct);
        var schedule = Guid.NewGuid();
        NewJob Occurrence(int minute)
        {
            var item = TestJobs.New();
            return item with { Job = item.Job with { ScheduleId = schedule, OccurrenceUtc = TestJobs.T0.AddMinutes(minute) } };
        }

        await store.InsertAsync([Occurrence(0)], Ct);
        var calls = Enumerable.Range(1, 30).Select(i => store.InsertAsync([Occurrence(i == 15 ? 0 : i)], Ct)).ToList();
        await Assert.ThrowsAsync<JobOccurrenceExistsException>(() => calls[14]);
        var stored = await Task.WhenAll(calls.Where((_, i) => i != 14));
        foreach (var result in stored)
        {
            Assert.NotNull(await store.GetAsync(result.Value[0].Id, Ct));
        }
    }

    [Fact]
    public async Task Events_AreSequencedPerEntryAndReadableAfterASequence()
    {
        var store = await Factory.CreateAsync(Ct);
        var job = (await store.InsertAsync([TestJobs.New()], Ct)).Value[0];
        var claim = (await store.ClaimAsync(TestJobs.Claim(), Ct)).Value[0];
        var progress = new JobProgress(50, "half", new JobCounters(1, 2, 0, 0));
        await store.AppendProgressAsync([new ProgressWrite(job.Id, claim.Job!.FencingToken, progress, TestJobs.T0)], Ct);
        await store.CompleteAsync(Completion(claim.Job, claim.LogEntryId, JobStatus.Finished), null, Ct);
        var all = await store.ReadEventsAsync(job.Id, 0, 100, Ct);
        Assert.Equal([1L, 2L, 3L, 4L], all.Select(e => e.Sequence));
        Assert.IsType<JobAccepted>(all[0].Data);
        Assert.IsType<JobStarted>(all[1].Data);
        Assert.Equal(progress, Assert.IsType<JobProgressReported>(all[2].Data).Progress);
        Assert.IsType<JobCompleted>(all[3].Data);
        var tail = await store.ReadEventsAsync(job.Id, 2, 100, Ct);
        Assert.Equal([3L, 4L], tail.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Insert_DuplicateOccurrence_Throws()
    {
        var store = await Factory.CreateAsync(Ct);
        var schedule = Guid.NewGuid();
        var first = TestJobs.New();
        first = first with { Job = first.Job with { ScheduleId = schedule, OccurrenceUtc = TestJobs.T0 } };
        var second = TestJobs.New();
        second = second with { Job = second.Job with { ScheduleId = schedule, OccurrenceUtc = TestJobs.T0 } };
        await store.InsertAsync([first], Ct);
        await Assert.ThrowsAsync<JobOccurrenceExistsException>(() => store.InsertAsync([second], Ct));
    }

    [Fact]
    public async Task Insert_ManyEntriesInOneCall_NumbersThemInOrderAndStoresEachOnesFields()
    {
        var store = await Factory.CreateAsync(Ct);
        var items = Enumerable.Range(0, 150).Select(i =>
        {
            var item = TestJobs.New(category: "C" + (i % 7), priority: i, expiration: i % 2 == 0 ? null : TestJobs.T0.AddDays(i));
            return item with { Job = item.Job with { Description = "entry " + i + " ÄÖü", Filters = [new RequestPageFilter("No.", "N" + i)] } };
        }).ToList();
        var result = await store.InsertAsync(items, Ct);
        Assert.Equal(items.Select(i => i.Job.Id), result.Value.Select(j => j.Id));
        Assert.All(result.Value.Zip(result.Value.Skip(1)), pair => Assert.True(pair.Second.EntryNo > pair.First.EntryNo));
        Assert.Equal(result.Value.Select(j => j.EntryNo), result.Events.Select(e => Assert.IsType<JobAccepted>(e.Event.Data).EntryNo));
        foreach (var (item, inserted) in items.Zip(result.Value))
        {
            var stored = await store.GetAsync(item.Job.Id, Ct);
            Assert.NotNull(stored);
            Assert.Equal(inserted.EntryNo, stored.EntryNo);
            Assert.Equal((item.Job.Description, item.Job.CategoryCode, item.Job.Priority, item.Job.Expiration), (stored.Description, stored.CategoryCode, stored.Priority, stored.Expiration));
            Assert.Equal(item.Job.Filters, stored.Filters);
        }
    }

    [Fact]
    public async Task Insert_DuplicateOccurrenceInsideALargeCall_ThrowsAndStoresNoneOfTheCall()
    {
        var store = await Factory.CreateAsync(Ct);
        var schedule = Guid.NewGuid();
        NewJob Occurrence(int minute)
        {
            var item = TestJobs.New();
            return item with { Job = item.Job with { ScheduleId = schedule, OccurrenceUtc = TestJobs.T0.AddMinutes(minute) } };
        }

        await store.InsertAsync([Occurrence(0)], Ct);
        var call = Enumerable.Range(1, 100).Select(i => Occurrence(i == 70 ? 0 : i)).ToList();
        await Assert.ThrowsAsync<JobOccurrenceExistsException>(() => store.InsertAsync(call, Ct));
        Assert.Null(await store.GetAsync(call[0].Job.Id, Ct));
        Assert.Null(await store.GetAsync(call[99].Job.Id, Ct));
        var retried = await store.InsertAsync(call.Where((_, i) => i != 69).ToList(), Ct);
        Assert.Equal(99, retried.Value.Count);
    }

    [Fact]
    public async Task Change_AppliesOnlyWithExpectedStatus()
    {
        var store = await Factory.CreateAsync(Ct);
        var job = (await store.InsertAsync([TestJobs.New()], Ct)).Value[0];
        var hold = new JobChange
        {
            JobId = job.Id,
            ExpectedStatus = JobStatus.Ready,
            Now = TestJobs.T0,
            Status = JobStatus.OnHold,
            Events = [new JobStatusChanged(JobStatus.OnHold, "test")],
        };
        var changed = await store.ChangeAsync(hold, Ct);
        Assert.Equal(JobStatus.OnHold, changed!.Value.Status);
        Assert.Equal(2, changed.Value.LastEventSequence);
        Assert.Null(await store.ChangeAsync(hold, Ct));
    }

    [Fact]
    public async Task Leases_ExpiredLeaseIsFoundAndRenewalReportsLoss()
    {
        var store = await Factory.CreateAsync(Ct);
        await store.InsertAsync([TestJobs.New()], Ct);
        var job = (await store.ClaimAsync(TestJobs.Claim(), Ct)).Value[0].Job!;
        Assert.Empty(await store.FindExpiredLeasesAsync(TestJobs.T0.AddSeconds(10), 10, Ct));
        var expired = await store.FindExpiredLeasesAsync(TestJobs.T0.AddSeconds(30), 10, Ct);
        Assert.Equal(job.Id, expired.Single().Id);
        var recovered = await store.CompleteAsync(Completion(job, 0, JobStatus.Ready) with { Result = JobResult.Failed }, null, Ct);
        Assert.True(recovered.Accepted);
        var renewal = await store.RenewLeasesAsync(new LeaseRenewalRequest("node-a", [new LeaseRef(job.Id, job.FencingToken)], TestJobs.T0.AddMinutes(1)), Ct);
        Assert.Equal(job.Id, renewal.Lost.Single());
        var log = await store.ListLogAsync(new JobLogQuery { JobId = job.Id }, Ct);
        Assert.Equal(JobResult.Failed, log.Entries.Single().Result);
    }

    [Fact]
    public async Task Leases_OneRenewalOfManyRuns_ReportsEachRunsOutcome()
    {
        var store = await Factory.CreateAsync(Ct);
        await store.InsertAsync([TestJobs.New("A"), TestJobs.New("B"), TestJobs.New("C"), TestJobs.New("D")], Ct);
        var a = (await store.ClaimAsync(TestJobs.Claim("A"), Ct)).Value[0].Job!;
        var b = (await store.ClaimAsync(TestJobs.Claim("B"), Ct)).Value[0].Job!;
        var claimC = (await store.ClaimAsync(TestJobs.Claim("C"), Ct)).Value[0];
        var c = claimC.Job!;
        var d = (await store.ClaimAsync(TestJobs.Claim("D", owner: "node-b"), Ct)).Value[0].Job!;
        Assert.True((await store.CompleteAsync(Completion(c, claimC.LogEntryId, JobStatus.Finished), null, Ct)).Accepted);
        var cancel = new JobChange { JobId = b.Id, ExpectedStatus = JobStatus.InProcess, Now = TestJobs.T0, CancelRequested = true };
        Assert.NotNull(await store.ChangeAsync(cancel, Ct));

        LeaseRef[] held = [new(a.Id, a.FencingToken), new(b.Id, b.FencingToken), new(c.Id, c.FencingToken), new(d.Id, d.FencingToken), new(Guid.NewGuid(), 1)];
        var renewal = await store.RenewLeasesAsync(new LeaseRenewalRequest("node-a", held, TestJobs.T0.AddMinutes(1)), Ct);

        // c finished, d is another node's, the last one does not exist: each is lost; a and b keep their leases.
        Assert.Equal(new[] { c.Id, d.Id, held[4].JobId }.Order(), renewal.Lost.Order());
        Assert.Equal([b.Id], renewal.CancelRequested);
        var stale = await store.RenewLeasesAsync(new LeaseRenewalRequest("node-a", [new LeaseRef(a.Id, a.FencingToken + 1)], TestJobs.T0.AddMinutes(1)), Ct);
        Assert.Equal([a.Id], stale.Lost);
    }

    [Fact]
    public async Task List_PagesWithOpaqueTokenAndFilters()
    {
        var store = await Factory.CreateAsync(Ct);
        await store.InsertAsync([TestJobs.New("A"), TestJobs.New("B"), TestJobs.New("A"), TestJobs.New("A")], Ct);
        var first = await store.ListAsync(new JobQuery { CategoryCode = "A", PageSize = 2 }, Ct);
        Assert.Equal(2, first.Jobs.Count);
        Assert.NotEmpty(first.NextPageToken);
        var second = await store.ListAsync(new JobQuery { CategoryCode = "A", PageSize = 2, PageToken = first.NextPageToken }, Ct);
        Assert.Single(second.Jobs);
        Assert.Empty(second.NextPageToken);
        Assert.Equal(["A", "B"], await store.FindQueuedCategoriesAsync(Ct));
        await Assert.ThrowsAsync<JobValidationException>(() => store.ListAsync(new JobQuery { PageToken = "garbage!" }, Ct));
    }

    [Fact]
    public async Task Delete_OnlyWithExpectedStatus_KeepsLog()
    {
        var store = await Factory.CreateAsync(Ct);
        var job = (await store.InsertAsync([TestJobs.New()], Ct)).Value[0];
        Assert.False(await store.DeleteAsync(job.Id, JobStatus.OnHold, Ct));
        Assert.True(await store.DeleteAsync(job.Id, JobStatus.Ready, Ct));
        Assert.Null(await store.GetAsync(job.Id, Ct));
        Assert.Empty(await store.ReadEventsAsync(job.Id, 0, 10, Ct));
    }

    private static RunCompletion Completion(Job job, long logId, JobStatus status) => new()
    {
        JobId = job.Id,
        FencingToken = job.FencingToken,
        LogEntryId = logId,
        Now = TestJobs.T0.AddSeconds(1),
        Status = status,
        Result = JobResult.Succeeded,
        Events = [new JobCompleted(JobResult.Succeeded, status, null, null, JobCounters.Zero, null)],
    };
}
