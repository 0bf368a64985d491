// One entry: live progress (WatchJob, resumed after the last sequence seen), its events, its runs (log entries),
// filters and options, the error detail and the controls.
import { useEffect, useRef, useState } from "preact/hooks";
import { errorText, jobs } from "../api";
import { useReports, reportName } from "../catalog";
import { JobStatus, type Job, type JobEvent, type JobLogEntry } from "../gen/shopsync/v1/job_queue_pb";
import { useCoalescedRender, useStream } from "../live";
import { JobControls } from "../ui/JobControls";
import { Link, Notice, Progress, resultNames, StatusBadge, statusNames, Time } from "../ui/format";

interface Model {
  job: Job | null;
  events: JobEvent[];
  lastSequence: bigint;
  ended: boolean;
  error: string | null;
}

/** Applies an event to the entry snapshot, as the server would show it after that event. */
export function applyEvent(job: Job, e: JobEvent) {
  const k = e.kind;
  switch (k.case) {
    case "started": job.status = JobStatus.IN_PROCESS; job.attempts = k.value.attempt; job.startedAt = e.time; break;
    case "progress": job.lastProgress = k.value; break;
    case "waiting": job.status = JobStatus.WAITING; break;
    case "statusChanged": job.status = k.value.status; break;
    case "attemptFailed": job.status = JobStatus.READY; job.errorMessage = k.value.errorMessage; break;
    case "completed":
      job.status = k.value.status; job.lastResult = k.value.result; job.errorMessage = k.value.errorMessage;
      job.errorDetail = k.value.errorDetail; job.endedAt = e.time;
      if (job.lastProgress && k.value.counters) job.lastProgress.counters = k.value.counters;
      break;
    case "accepted": job.status = k.value.status; break;
  }
  job.lastEventSequence = e.sequence;
}

export function describeEvent(e: JobEvent, report?: (id: string) => string): string {
  const k = e.kind;
  switch (k.case) {
    case "accepted": return `Accepted as entry ${k.value.entryNo} (${statusNames[k.value.status] ?? ""}${k.value.foreground ? ", foreground" : ""})`;
    case "waiting": return `Waiting behind ${report ? report(k.value.blockingJobId) : k.value.blockingJobId} in category ${k.value.categoryCode}`;
    case "started": return `Started attempt ${k.value.attempt} on ${k.value.node}`;
    case "progress": return `Progress ${k.value.percent >= 0 ? k.value.percent + " %" : ""} ${k.value.message}`.trim();
    case "attemptFailed": return `Attempt ${k.value.attempt} of ${k.value.maxAttempts} failed: ${k.value.errorMessage}`;
    case "completed": return `Completed: ${resultNames[k.value.result] ?? "?"}${k.value.errorMessage ? " — " + k.value.errorMessage : ""}`;
    case "statusChanged": return `Status ${statusNames[k.value.status] ?? "?"}${k.value.reason ? " — " + k.value.reason : ""}`;
    default: return "Event";
  }
}

/** The timeline keeps every event but progress, of which it keeps only the latest (a run reports hundreds). */
function keepInTimeline(list: JobEvent[], e: JobEvent) {
  const last = list[list.length - 1];
  if (e.kind.case === "progress" && last?.kind.case === "progress") list[list.length - 1] = e;
  else list.push(e);
}

export function Entry({ id }: { id: string }) {
  const render = useCoalescedRender();
  const model = useRef<Model>({ job: null, events: [], lastSequence: 0n, ended: false, error: null });
  const [generation, setGeneration] = useState(0);
  const [runs, setRuns] = useState<JobLogEntry[] | null>(null);
  const [runsError, setRunsError] = useState<string | null>(null);
  const reports = useReports();

  useEffect(() => {
    model.current = { job: null, events: [], lastSequence: 0n, ended: false, error: null };
    render();
  }, [id]);

  const loadRuns = () =>
    jobs.listLogEntries({ jobId: id, pageSize: 50 }).then((r) => { setRuns(r.entries); setRunsError(null); }, (e) => setRunsError(errorText(e)));
  useEffect(() => void loadRuns(), [id]);

  useStream(() => {
    const m = model.current;
    m.ended = false;
    return {
      // Resumes after the newest event seen: no gap, no repeat, across lost connections and restarts of the watch.
      open: (signal) => jobs.watchJob({ jobId: id, afterSequence: m.lastSequence }, { signal }),
      onMessage: (r) => {
        if (r.snapshot) m.job = r.snapshot;
        const e = r.event;
        if (e && e.sequence > m.lastSequence) {
          m.lastSequence = e.sequence;
          keepInTimeline(m.events, e);
          if (m.job) applyEvent(m.job, e);
          if (e.kind.case === "completed" || e.kind.case === "attemptFailed" || e.kind.case === "started") void loadRuns();
        }
        m.error = null;
        render();
      },
      onEnd: () => { m.ended = true; render(); },
      onError: (text) => { m.error = text; render(); },
    };
  }, [id, generation]);

  const m = model.current;
  if (m.error && !m.job) return <><h1>Entry</h1><Notice kind="error">{m.error} <Link href="/entries">Back to the entries</Link>.</Notice></>;
  if (!m.job) return <><h1>Entry</h1><Notice kind="loading">Loading entry {id}…</Notice></>;
  const job = m.job;
  const taskName = reportName(reports, job.reportId);
  return (
    <>
      <h1>Entry {job.entryNo.toString()}: {job.description || taskName}</h1>
      <div class="entry-head">
        <StatusBadge status={job.status} />
        <span>{taskName} · shop {job.shopCode} · category {job.categoryCode}</span>
        {job.lastResult ? <span>Last result: <strong>{resultNames[job.lastResult]}</strong></span> : null}
      </div>
      <section aria-labelledby="progress-h">
        <h2 id="progress-h">Progress</h2>
        <Progress progress={job.lastProgress} label={`Progress of entry ${job.entryNo}`} />
        {m.ended ? <p class="help">The watch ended at a final state.</p> : <p class="help" aria-live="polite">Live.</p>}
      </section>
      <JobControls job={job} onChanged={(j) => {
        if (j) { Object.assign(job, j); }
        setGeneration((g) => g + 1);
        void loadRuns();
      }} />
      {job.errorMessage ? (
        <section aria-labelledby="error-h" class="error-detail">
          <h2 id="error-h">Error</h2>
          <p>{job.errorMessage}</p>
          {job.errorDetail ? <details><summary>Error detail</summary><pre>{job.errorDetail}</pre></details> : null}
        </section>
      ) : null}
      <div class="two">
        <section aria-labelledby="details-h">
          <h2 id="details-h">Details</h2>
          <dl class="facts">
            <dt>Id</dt><dd><code>{job.id}</code></dd>
            <dt>Attempts</dt><dd>{job.attempts} of {job.maxAttempts}</dd>
            <dt>Priority</dt><dd>{job.priority}</dd>
            <dt>Created</dt><dd><Time value={job.createdAt} /> by {job.createdBy || "—"}</dd>
            <dt>Earliest start</dt><dd><Time value={job.earliestStart} /></dd>
            <dt>Started</dt><dd><Time value={job.startedAt} /></dd>
            <dt>Ended</dt><dd><Time value={job.endedAt} /></dd>
            {job.scheduleId ? <><dt>Schedule</dt><dd><Link href="/schedules">{job.scheduleId.slice(0, 8)}</Link></dd></> : null}
          </dl>
          <h3>Filters and options</h3>
          {job.filters.length + job.options.length === 0 ? <p class="help">None: the task runs over everything.</p> : (
            <table>
              <thead><tr><th scope="col">Field or option</th><th scope="col">Value</th></tr></thead>
              <tbody>
                {job.filters.map((f) => <tr key={"f" + f.field}><td>{f.field}</td><td><code>{f.expression}</code></td></tr>)}
                {job.options.map((o) => <tr key={"o" + o.name}><td>{o.name} (option)</td><td><code>{o.value}</code></td></tr>)}
              </tbody>
            </table>
          )}
        </section>
        <section aria-labelledby="events-h">
          <h2 id="events-h">Events</h2>
          <ol class="timeline" data-testid="timeline">
            {m.events.map((e) => <li key={e.sequence.toString()}><Time value={e.time} /> <span>{describeEvent(e)}</span></li>)}
          </ol>
        </section>
      </div>
      <section aria-labelledby="runs-h">
        <h2 id="runs-h">Runs</h2>
        {runsError ? <Notice kind="error">{runsError}</Notice> : runs === null ? <Notice kind="loading">Loading runs…</Notice> :
          runs.length === 0 ? <Notice kind="empty">No run yet: the entry has not started.</Notice> : (
            <div class="scroll">
              <table>
                <thead><tr><th scope="col">Attempt</th><th scope="col">Start</th><th scope="col">End</th><th scope="col">Result</th><th scope="col">Records</th><th scope="col">Error</th></tr></thead>
                <tbody>
                  {runs.map((r) => (
                    <tr key={r.id.toString()}>
                      <td>{r.attempt}</td><td><Time value={r.startTime} /></td><td><Time value={r.endTime} empty="running" /></td>
                      <td>{resultNames[r.result] ?? "In Process"}</td>
                      <td>{r.counters ? `${r.counters.done} done, ${r.counters.failed} failed` : ""}</td>
                      <td>{r.errorMessage}{r.errorDetail ? <details><summary>Detail</summary><pre>{r.errorDetail}</pre></details> : null}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
      </section>
    </>
  );
}
