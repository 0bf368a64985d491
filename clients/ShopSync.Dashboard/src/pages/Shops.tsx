// Shops: the sync cues with their levels (WatchSyncStatus, live), a drill-down to the records behind a cue
// (ListCueRecords, paged), and task health with "failing now".
import { useEffect, useState } from "preact/hooks";
import { errorText, status } from "../api";
import { Cue, CueLevel, type CueRecord, type GetSyncStatusResponse } from "../gen/shopsync/v1/sync_status_pb";
import { useCoalescedRender, useStream } from "../live";
import { Link, Notice, Progress, Time } from "../ui/format";

const cueNames: Record<number, string> = {
  [Cue.UNMAPPED_CUSTOMERS]: "Unmapped customers",
  [Cue.UNMAPPED_COMPANIES]: "Unmapped companies",
  [Cue.UNMAPPED_PRODUCTS]: "Unmapped products",
  [Cue.UNPROCESSED_ORDERS]: "Unprocessed orders",
  [Cue.UNPROCESSED_ORDER_UPDATES]: "Unprocessed order updates",
  [Cue.UNPROCESSED_SHIPMENTS]: "Unprocessed shipments",
  [Cue.SHIPMENT_ERRORS]: "Shipment errors",
  [Cue.SYNCHRONIZATION_ERRORS]: "Synchronization errors",
  [Cue.SKIPPED_RECORDS]: "Skipped records",
  [Cue.API_ERRORS]: "API errors",
};
const levelNames: Record<number, string> = { [CueLevel.OK]: "OK", [CueLevel.WARNING]: "Warning", [CueLevel.ALERT]: "Alert" };

export function Shops() {
  const [snapshot, setSnapshot] = useState<GetSyncStatusResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [drill, setDrill] = useState<{ shop: string; cue: Cue } | null>(null);
  const render = useCoalescedRender();
  const holder = useState({ latest: null as GetSyncStatusResponse | null })[0];

  useEffect(() => {
    status.getSyncStatus({}).then((r) => { if (!holder.latest) { holder.latest = r; setSnapshot(r); } }, (e) => setError(errorText(e)));
  }, []);
  useStream(() => ({
    open: (signal) => status.watchSyncStatus({}, { signal }),
    onMessage: (m) => {
      if (!m.status) return;
      holder.latest = m.status;
      render();
    },
    onError: setError,
  }), []);
  const current = holder.latest ?? snapshot;

  if (error && !current) return <><h1>Shops</h1><Notice kind="error">{error}</Notice></>;
  if (!current) return <><h1>Shops</h1><Notice kind="loading">Loading the sync status…</Notice></>;
  return (
    <>
      <h1>Shops</h1>
      {current.shops.length === 0 ? <Notice kind="empty">No shop yet. Add one with <code>shopsync shops create</code>, or start the server with <code>--demo</code>.</Notice> : null}
      <p class="help">As of <Time value={current.asOf} />, live.</p>
      {current.shops.map((s) => (
        <section key={s.shopCode} aria-labelledby={"shop-" + s.shopCode} class="shop">
          <h2 id={"shop-" + s.shopCode}>Shop {s.shopCode}</h2>
          <h3>Cues</h3>
          <ul class="cues">
            {s.cues.map((c) => (
              <li key={c.cue} class={"cue l" + c.level}>
                <button type="button" aria-expanded={drill?.shop === s.shopCode && drill.cue === c.cue}
                  onClick={() => setDrill(drill?.shop === s.shopCode && drill.cue === c.cue ? null : { shop: s.shopCode, cue: c.cue })}>
                  <span class="count">{c.count.toString()}</span>
                  <span class="name">{cueNames[c.cue] ?? "Cue"}</span>
                  <span class="level">{levelNames[c.level] ?? ""}</span>
                </button>
              </li>
            ))}
          </ul>
          {drill?.shop === s.shopCode ? <CueRecords shop={s.shopCode} cue={drill.cue} /> : null}
          <h3>Task health</h3>
          {s.tasks.length === 0 ? <Notice kind="empty">No task has run for this shop yet. <Link href="/start">Start a sync</Link>.</Notice> : (
          <div class="scroll">
            <table>
              <thead><tr><th scope="col">Task</th><th scope="col">State</th><th scope="col">Last success</th><th scope="col">Last failure</th><th scope="col">Failures in a row</th><th scope="col">Next run</th></tr></thead>
              <tbody>
                {s.tasks.map((t) => (
                  <tr key={t.reportId} class={t.failingNow ? "failing" : undefined}>
                    <td>{t.reportName}</td>
                    <td>{t.failingNow ? <span class="badge s6">Failing now</span> : t.runningNow ? <Progress progress={t.progress} label={`Progress of ${t.reportName}`} /> : <span class="badge s5">OK</span>}</td>
                    <td><Time value={t.lastSuccess} empty="never" /></td>
                    <td><Time value={t.lastFailure} empty="never" />{t.lastFailureMessage ? <div class="err">{t.lastFailureMessage}</div> : null}</td>
                    <td>{t.consecutiveFailures}</td>
                    <td><Time value={t.nextRun} empty="not scheduled" /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          )}
        </section>
      ))}
    </>
  );
}

function CueRecords({ shop, cue }: { shop: string; cue: Cue }) {
  const [tokens, setTokens] = useState<string[]>([""]);
  const [page, setPage] = useState<{ records: CueRecord[]; next: string; total: bigint } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setTokens([""]), [shop, cue]);
  const token = tokens[tokens.length - 1];
  useEffect(() => {
    setPage(null);
    status.listCueRecords({ shopCode: shop, cue, pageSize: 25, pageToken: token })
      .then((r) => setPage({ records: r.records, next: r.nextPageToken, total: r.total }), (e) => setError(errorText(e)));
  }, [shop, cue, token]);
  return (
    <section class="drill" aria-label={`Records behind ${cueNames[cue]}`}>
      <h4>{cueNames[cue]}{page ? ` — ${page.total} records` : ""}</h4>
      {error ? <Notice kind="error">{error}</Notice> : !page ? <Notice kind="loading">Loading records…</Notice> :
        page.records.length === 0 ? <Notice kind="empty">Nothing behind this cue.</Notice> : (
          <div class="scroll">
            <table>
              <thead><tr><th scope="col">Record</th><th scope="col">Description</th><th scope="col">Why</th><th scope="col">Time</th></tr></thead>
              <tbody>{page.records.map((r) => <tr key={r.key}><td><code>{r.key}</code></td><td>{r.description}</td><td>{r.reason}</td><td><Time value={r.time} /></td></tr>)}</tbody>
            </table>
          </div>
        )}
      <nav class="pager" aria-label="Pages of records">
        <button type="button" disabled={tokens.length < 2} onClick={() => setTokens(tokens.slice(0, -1))}>Previous page</button>
        <button type="button" disabled={!page?.next} onClick={() => page && setTokens([...tokens, page.next])}>Next page</button>
      </nav>
    </section>
  );
}
