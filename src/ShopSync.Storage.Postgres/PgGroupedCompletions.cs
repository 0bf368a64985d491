using Npgsql;
using ShopSync.Queue.Entries;
using ShopSync.Queue.Events;
using ShopSync.Queue.Storage;
using ShopSync.Storage.Codecs;

namespace ShopSync.Storage.Postgres;

/// <summary>
/// Several runs' completions and their hand-overs in one transaction and one round trip (the group commit of run ends,
/// see <see cref="PgGroupCommit{TItem, TResult}"/>): one fenced update over all of them that also writes their events
/// (each row fenced by its own token, so a stale run is left out without failing the others), one fast claim for the
/// union of the categories they hand over, and the commit. What each completion gets back is what it would have got
/// alone: its entry, its events, its own categories' claims.
/// </summary>
internal static class PgGroupedCompletions
{
    // The single completion's statement (PgWrites) over unnest'ed arrays: r.ord numbers the completions; the events of
    // all of them are one set of arrays ($19..$22), each event with its completion's number and its place in it.
    private static readonly string CompleteGroupSql =
        "WITH r AS (SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::timestamptz[], $4::integer[], $5::integer[], $6::timestamptz[], " +
        "$7::text[], $8::text[], $9::integer[], $10::text[], $11::bigint[], $12::bigint[], $13::bigint[], $14::bigint[], $15::boolean[], " +
        "$16::bigint[], $17::boolean[], $18::bigint[]) WITH ORDINALITY AS r(id, token, now, status, result, earliest, err, detail, pct, msg, " +
        "pages, done, failed, skipped, reset, nevents, refund, log_id, ord)), " +
        "j AS (UPDATE queue_jobs q SET status = CASE WHEN q.hold_requested AND r.status = 2 THEN 1 ELSE r.status END, last_result = r.result, " +
        "ended_at = r.now, updated_at = r.now, earliest_start = COALESCE(r.earliest, q.earliest_start), error_message = r.err, " +
        "error_detail = r.detail, progress_percent = COALESCE(r.pct, q.progress_percent), progress_message = COALESCE(r.msg, q.progress_message), " +
        "pages = COALESCE(r.pages, q.pages), done = COALESCE(r.done, q.done), failed = COALESCE(r.failed, q.failed), " +
        "skipped = COALESCE(r.skipped, q.skipped), " +
        "attempts = CASE WHEN r.reset THEN 0 WHEN r.refund THEN GREATEST(q.attempts - 1, 0) ELSE q.attempts END, lease_owner = NULL, " +
        "lease_expires_at = NULL, cancel_requested = false, hold_requested = false, " +
        "event_seq = q.event_seq + r.nevents + CASE WHEN q.hold_requested AND r.status = 2 THEN 1 ELSE 0 END " +
        "FROM r WHERE q.id = r.id AND q.status = 4 AND q.fencing_token = r.token RETURNING " + PgJobReader.Qualified("q") + ", r.ord), " +
        "l AS (UPDATE queue_job_log g SET end_time = r.now, result = r.result, error_message = r.err, error_detail = r.detail, " +
        "pages = COALESCE(r.pages, 0), done = COALESCE(r.done, 0), failed = COALESCE(r.failed, 0), skipped = COALESCE(r.skipped, 0) " +
        "FROM r WHERE g.id = COALESCE(r.log_id, (SELECT MAX(x.id) FROM queue_job_log x WHERE x.job_id = r.id AND x.end_time IS NULL)) " +
        "AND EXISTS (SELECT 1 FROM j WHERE j.ord = r.ord)), " +
        "e AS (INSERT INTO queue_job_events (job_id, seq, time, kind, data, log_key) SELECT x.id, x.seq, x.now, x.kind, x.data, " + PgSession.LogKey("x.id") + " FROM (" +
        "SELECT j.id, j.event_seq - r.nevents - CASE WHEN j.status = 1 AND r.status = 2 THEN 1 ELSE 0 END + v.pos AS seq, r.now, v.kind, v.data, j.ord " +
        "FROM unnest($19::bigint[], $20::integer[], $21::text[], $22::bigint[]) AS v(ord, kind, data, pos) JOIN j ON j.ord = v.ord JOIN r ON r.ord = v.ord " +
        "UNION ALL SELECT j.id, j.event_seq, r.now, $23::integer, $24::text, j.ord FROM j JOIN r ON r.ord = j.ord WHERE j.status = 1 AND r.status = 2) x " +
        "ORDER BY x.ord, x.seq) " +
        "SELECT * FROM j";

    /// <summary>
    /// What may join a group of run ends: one write per entry, claims for one owner, no category asked for twice (so the
    /// group's claim answers each category to the one run that asked for it).
    /// </summary>
    public static Func<PgCompletionWrite, bool> NewGroup()
    {
        var jobs = new HashSet<Guid>();
        var categories = new HashSet<string>(StringComparer.Ordinal);
        string? owner = null;
        return write =>
        {
            var claim = write.ClaimNext;
            if (jobs.Contains(write.Completion.JobId)
                || (claim is not null && ((owner is not null && !string.Equals(owner, claim.Owner, StringComparison.Ordinal)) || claim.Categories.Any(categories.Contains))))
            {
                return false;
            }

            jobs.Add(write.Completion.JobId);
            if (claim is not null)
            {
                owner = claim.Owner;
                categories.UnionWith(claim.Categories);
            }

            return true;
        };
    }

    /// <summary>
    /// The group's hand-overs in one round trip, in the order of <paramref name="group"/>: the completions, the fast
    /// claim for all their categories, <paramref name="tail"/> and <c>COMMIT</c> (see <see cref="PgWrites.CompleteAsync"/>).
    /// </summary>
    public static async Task<IReadOnlyList<PgHandOver>> CompleteAsync(
        PgSession session, IReadOnlyList<PgCompletionWrite> group, IReadOnlyList<NpgsqlBatchCommand> tail, CancellationToken ct)
    {
        var claim = Merge(group.Select(w => w.ClaimNext));
        await using var batch = session.Batch();
        PgClaims.AddClaimSettings(batch);
        batch.BatchCommands.Add(CompleteCommand(group));
        if (claim is not null)
        {
            PgClaims.AddFastClaim(batch, session, claim);
        }

        PgWrites.AddCommit(batch, tail);
        var jobs = new Job?[group.Count];
        PgClaims.FastClaim? fast = null;
        await using (var reader = await batch.ExecuteReaderAsync(ct).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                jobs[reader.GetInt64(PgJobReader.ColumnCount) - 1] = PgJobReader.Read(reader);
            }

            if (claim is not null)
            {
                await reader.NextResultAsync(ct).ConfigureAwait(false);
                fast = await PgClaims.ReadFastClaimAsync(reader, ct).ConfigureAwait(false);
            }

            await Pg.DrainAsync(reader, ct).ConfigureAwait(false);
        }

        var claimed = new Dictionary<string, CategoryClaim?>(StringComparer.Ordinal);
        var claimEvents = new List<QueueEvent>();
        if (claim is not null)
        {
            var outcomes = PgClaims.FinishFast(claim, fast!, claimEvents);
            for (var i = 0; i < outcomes.Length; i++)
            {
                claimed[claim.Categories[i]] = outcomes[i];
            }
        }

        var handOvers = new PgHandOver[group.Count];
        for (var i = 0; i < group.Count; i++)
        {
            var (completion, claimNext) = group[i];
            var events = new List<QueueEvent>(completion.Events.Count + 2);
            if (jobs[i] is { } job)
            {
                PgWrites.BroadcastCompletion(job, completion, events);
            }

            var asked = claimNext?.Categories ?? [];
            events.AddRange(claimEvents.Where(e => asked.Contains(e.CategoryCode, StringComparer.Ordinal)));
            handOvers[i] = new PgHandOver(jobs[i], events, claimNext, asked.Select(c => claimed[c]).ToArray());
        }

        return handOvers;
    }

    /// <summary>
    /// One claim for every category the group hands over (they are disjoint, see <see cref="NewGroup"/>), at
    /// the latest of their times: an entry due by any of them is due by the latest.
    /// </summary>
    public static ClaimRequest? Merge(IEnumerable<ClaimRequest?> claims)
    {
        ClaimRequest? latest = null;
        var categories = new List<string>();
        foreach (var claimNext in claims)
        {
            if (claimNext is not { Categories.Count: > 0 })
            {
                continue;
            }

            categories.AddRange(claimNext.Categories);
            if (latest is null || claimNext.Now > latest.Now)
            {
                latest = claimNext;
            }
        }

        return latest is null ? null : latest with { Categories = categories };
    }

    private static NpgsqlBatchCommand CompleteCommand(IReadOnlyList<PgCompletionWrite> group)
    {
        var c = group.Select(g => g.Completion).ToArray();
        var events = c.SelectMany((x, i) => x.Events.Select((e, n) =>
        {
            var (kind, json) = EventCodec.Encode(e);
            return (Ord: (long)i + 1, Kind: kind, Json: json, Pos: (long)n + 1);
        })).ToArray();
        return Pg.BatchCommand(
            CompleteGroupSql,
            c.Select(x => x.JobId).ToArray(),
            c.Select(x => x.FencingToken).ToArray(),
            c.Select(x => Pg.Utc(x.Now)).ToArray(),
            c.Select(x => (int)x.Status).ToArray(),
            c.Select(x => (int)x.Result).ToArray(),
            c.Select(x => x.EarliestStart?.ToUniversalTime()).ToArray(),
            c.Select(x => x.ErrorMessage).ToArray(),
            c.Select(x => x.ErrorDetail).ToArray(),
            c.Select(x => x.Progress is null ? (int?)null : x.Progress.Percent).ToArray(),
            c.Select(x => x.Progress?.Message).ToArray(),
            c.Select(x => x.Progress?.Counters.Pages).ToArray(),
            c.Select(x => x.Progress?.Counters.Done).ToArray(),
            c.Select(x => x.Progress?.Counters.Failed).ToArray(),
            c.Select(x => x.Progress?.Counters.Skipped).ToArray(),
            c.Select(x => x.ResetAttempts).ToArray(),
            c.Select(x => (long)x.Events.Count).ToArray(),
            c.Select(x => x.RefundAttempt).ToArray(),
            c.Select(x => x.LogEntryId > 0 ? x.LogEntryId : (long?)null).ToArray(),
            events.Select(e => e.Ord).ToArray(),
            events.Select(e => e.Kind).ToArray(),
            events.Select(e => e.Json).ToArray(),
            events.Select(e => e.Pos).ToArray(),
            PgWrites.HeldAfterRunEncoded.Kind,
            PgWrites.HeldAfterRunEncoded.Json);
    }
}

/// <summary>One run's end and the hand-over it asks for.</summary>
internal sealed record PgCompletionWrite(RunCompletion Completion, ClaimRequest? ClaimNext);
