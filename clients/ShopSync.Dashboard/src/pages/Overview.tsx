// Per job queue category: the running entry with its live progress, what waits behind it, the Ready / On Hold /
// Error counts, the oldest waiting entry and the throughput of the last 15 minutes. ListCategories gives the
// picture, WatchJobs keeps it live: progress in place, any other event re-reads the counts (at most once a second).
import { useEffect, useRef, useState } from "preact/hooks";
import { errorText, jobs } from "../api";
import { reportName, useReports } from "../catalog";
import type { CategorySummary } from "../gen/shopsync/v1/job_queue_pb";
import { useCoalescedRender, useStream } from "../live";
import { Link, Notice, Progress, Time } from "../ui/format";

const Minutes = 15;

export function Overview() {
  const [categories, setCategories] = useState<CategorySummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const render = useCoalescedRender();
  const reports = useReports();
  const current = useRef(categories);
  current.current = categories;
  const reload = useRef({ pending: false, last: 0, timer: 0 as ReturnType<typeof setTimeout> | 0 });

  const load = () =>
    jobs.listCategories({ throughputMinutes: Minutes }).then((r) => { setCategories(r.categories); setError(null); }, (e) => setError(errorText(e)));

  const reloadSoon = () => {
    const r = reload.current;
    if (r.timer) return;
    r.timer = setTimeout(() => { r.timer = 0; r.last = performance.now(); void load(); }, Math.max(0, 1000 - (performance.now() - r.last)));
  };
  useEffect(() => { void load(); return () => { if (reload.current.timer) clearTimeout(reload.current.timer); }; }, []);

  useStream(() => ({
    open: (signal) => jobs.watchJobs({}, { signal }),
    beforeReconnect: load,
    onMessage: (m) => {
      const e = m.event;
      if (!e) return;
      const running = current.current?.find((c) => c.running?.id === e.jobId)?.running;
      if (e.kind.case === "progress" && running) {
        running.lastProgress = e.kind.value;
        render();
      } else if (e.kind.case !== "progress") {
        reloadSoon();
      }
    },
    onError: setError,
  }), []);

  if (error && !categories) return <><h1>Overview</h1><Notice kind="error">{error} <button type="button" class="link" onClick={load}>Retry</button></Notice></>;
  if (!categories) return <><h1>Overview</h1><Notice kind="loading">Loading the job queue categories…</Notice></>;
  return (
    <>
      <h1>Overview</h1>
      {categories.length === 0 ? <Notice kind="empty">No entries yet. <Link href="/start">Start a sync</Link> to queue one.</Notice> : null}
      <div class="cards">
        {categories.map((c) => (
          <section key={c.categoryCode} class="card" aria-labelledby={"cat-" + c.categoryCode} data-testid="category">
            <h2 id={"cat-" + c.categoryCode}><Link href={"/entries?category=" + encodeURIComponent(c.categoryCode)}>{c.categoryCode}</Link></h2>
            {c.running ? (
              <div class="running">
                <p>Running: <Link href={"/entries/" + c.running.id}>{c.running.description || reportName(reports, c.running.reportId)}</Link> ({c.running.shopCode})</p>
                <Progress progress={c.running.lastProgress} label={`Progress of ${c.running.description}`} />
              </div>
            ) : <p class="help">Nothing running.</p>}
            <dl class="counts">
              <div><dt>Waiting</dt><dd>{c.waiting}</dd></div>
              <div><dt>Ready</dt><dd>{c.ready}</dd></div>
              <div><dt>On Hold</dt><dd>{c.onHold}</dd></div>
              <div class={c.error ? "alert" : undefined}><dt>Error</dt><dd>{c.error}</dd></div>
            </dl>
            {c.oldestWaiting ? (
              <p>Oldest waiting: <Link href={"/entries/" + c.oldestWaiting.id}>{c.oldestWaiting.description || reportName(reports, c.oldestWaiting.reportId)}</Link>, since <Time value={c.oldestWaiting.createdAt} /></p>
            ) : null}
            <Throughput perMinute={c.finishedPerMinute} />
          </section>
        ))}
      </div>
    </>
  );
}

/** Runs ended per minute, oldest first, as bars (SVG attributes, no inline style: the CSP forbids it). */
function Throughput({ perMinute }: { perMinute: number[] }) {
  const total = perMinute.reduce((a, b) => a + b, 0);
  const max = Math.max(1, ...perMinute);
  const w = 6;
  return (
    <figure class="throughput">
      <svg viewBox={`0 0 ${perMinute.length * w} 24`} width={perMinute.length * w * 2} height="48" role="img"
        aria-label={`${total} ${total === 1 ? "run" : "runs"} ended in the last ${perMinute.length} minutes`}>
        {perMinute.map((n, i) => <rect key={i} x={i * w + 1} width={w - 2} y={24 - (n / max) * 24} height={(n / max) * 24} />)}
      </svg>
      <figcaption>{total} {total === 1 ? "run" : "runs"} ended in the last {perMinute.length || Minutes} minutes</figcaption>
    </figure>
  );
}
