// The entries: server-side filter and text search (ListJobs), keyset paging, live status of the rows shown
// (WatchJobs), and bulk actions on a selection or on everything the filter matches (BulkUpdateJobs: a dry run
// counts, the confirmation says how many, expected_count guards the confirmed number).
import { useEffect, useRef, useState } from "preact/hooks";
import { errorText, jobs } from "../api";
import { reportName, useReports, useShopCodes } from "../catalog";
import { BulkAction, JobStatus, type Job } from "../gen/shopsync/v1/job_queue_pb";
import { useCoalescedRender, useStream } from "../live";
import { navigate, useLocation } from "../router";
import { useCan } from "../session";
import { useConfirm } from "../ui/confirm";
import { Link, Notice, Progress, StatusBadge, statusNames, Time } from "../ui/format";
import { applyEvent } from "./Entry";

const statusOrder = [JobStatus.READY, JobStatus.WAITING, JobStatus.IN_PROCESS, JobStatus.ON_HOLD, JobStatus.ERROR, JobStatus.FINISHED];

const actions: [BulkAction, string, string][] = [
  [BulkAction.HOLD, "Hold", "set On Hold"],
  [BulkAction.READY, "Set Ready", "set Ready"],
  [BulkAction.RESTART, "Restart", "restarted"],
  [BulkAction.RUN_NOW, "Run now", "made due now"],
  [BulkAction.CANCEL, "Cancel", "cancelled"],
  [BulkAction.DELETE, "Delete", "deleted"],
];

interface Filter {
  shop: string;
  task: number;
  statuses: JobStatus[];
  category: string;
  text: string;
}

function readFilter(q: URLSearchParams): Filter {
  return {
    shop: q.get("shop") ?? "",
    task: Number(q.get("task") ?? 0) || 0,
    statuses: (q.get("status") ?? "").split(",").filter(Boolean).map(Number).filter((n) => n in statusNames),
    category: q.get("category") ?? "",
    text: q.get("q") ?? "",
  };
}

function filterQuery(f: Filter): string {
  const q = new URLSearchParams();
  if (f.shop) q.set("shop", f.shop);
  if (f.task) q.set("task", String(f.task));
  if (f.statuses.length) q.set("status", f.statuses.join(","));
  if (f.category) q.set("category", f.category);
  if (f.text) q.set("q", f.text);
  const s = q.toString();
  return s ? "?" + s : "";
}

export function Entries() {
  const loc = useLocation();
  const applied = readFilter(loc.query);
  const key = filterQuery(applied);
  const [draft, setDraft] = useState<Filter>(applied);
  // The page tokens visited under the current filter (keyset paging: the server's next_page_token, never an offset).
  const [paging, setPaging] = useState<{ key: string; tokens: string[] }>({ key, tokens: [""] });
  const pages = paging.key === key ? paging.tokens : [""];
  const setPages = (tokens: string[]) => setPaging({ key, tokens });
  const [list, setList] = useState<{ jobs: Job[]; next: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [note, setNote] = useState<{ error: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialog, ask] = useConfirm();
  const reports = useReports();
  const shopCodes = useShopCodes();
  const canControl = useCan("jobs.control");
  const render = useCoalescedRender();
  const rows = useRef(new Map<string, Job>());
  const token = pages[pages.length - 1];

  useEffect(() => { setDraft(applied); setSelected(new Set()); }, [key]);

  const load = () => {
    setError(null);
    jobs.listJobs({
      shopCode: applied.shop, reportId: applied.task, statuses: applied.statuses, categoryCode: applied.category,
      text: applied.text, pageSize: 50, pageToken: token,
    }).then((r) => {
      rows.current = new Map(r.jobs.map((j) => [j.id, j]));
      setList({ jobs: r.jobs, next: r.nextPageToken });
    }, (e) => setError(errorText(e)));
  };
  useEffect(load, [key, token]);

  // Rows shown follow their entries live; which rows match is the server's answer at load time.
  useStream(() => ({
    open: (signal) => jobs.watchJobs({ shopCode: applied.shop, reportId: applied.task, categoryCode: applied.category }, { signal }),
    onMessage: (r) => {
      const j = r.event && rows.current.get(r.event.jobId);
      if (j && r.event) { applyEvent(j, r.event); render(); }
    },
    onError: () => undefined,
  }), [key]);

  const submit = (e: Event) => {
    e.preventDefault();
    navigate("/entries" + filterQuery({ ...draft, category: draft.category.trim(), text: draft.text.trim() }));
  };

  const bulk = async (action: BulkAction, verb: string, label: string, onSelection: boolean) => {
    setNote(null);
    setBusy(true);
    const selection = onSelection
      ? { case: "ids" as const, value: { jobIds: [...selected] } }
      : { case: "filter" as const, value: { shopCode: applied.shop, reportId: applied.task, statuses: applied.statuses, categoryCode: applied.category, text: applied.text } };
    try {
      const count = await jobs.bulkUpdateJobs({ action, selection, dryRun: true });
      if (count.matched === 0) {
        setNote({ error: false, text: "Nothing matches: no entry was changed." });
        return;
      }
      const what = onSelection ? "selected" : "matching this filter";
      if (!(await ask(`${label} ${count.matched} ${count.matched === 1 ? "entry" : "entries"} ${what}?`, `${label} ${count.matched}`))) return;
      const r = await jobs.bulkUpdateJobs({ action, selection, expectedCount: count.matched });
      const skipped = r.skipped.length ? ` ${r.skipped.length} skipped (${r.skipped[0].reason}${r.skipped.length > 1 ? ", …" : ""}).` : "";
      setNote({ error: false, text: `${r.applied} of ${r.matched} ${verb}.${skipped}` });
      setSelected(new Set());
      load();
    } catch (e) {
      setNote({ error: true, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const toggle = (id: string) => {
    const s = new Set(selected);
    if (s.has(id)) s.delete(id); else s.add(id);
    setSelected(s);
  };

  return (
    <>
      <h1>Entries</h1>
      <form class="filters" onSubmit={submit} role="search" aria-label="Filter entries">
        <div>
          <label for="f-shop">Shop</label>
          <select id="f-shop" value={draft.shop} onChange={(e) => setDraft({ ...draft, shop: e.currentTarget.value })}>
            <option value="">All shops</option>
            {shopCodes.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </div>
        <div>
          <label for="f-task">Task</label>
          <select id="f-task" value={String(draft.task)} onChange={(e) => setDraft({ ...draft, task: Number(e.currentTarget.value) })}>
            <option value="0">All tasks</option>
            {reports.map((r) => <option key={r.reportId} value={String(r.reportId)}>{r.name}</option>)}
          </select>
        </div>
        <div>
          <label for="f-category">Category</label>
          <input id="f-category" value={draft.category} onInput={(e) => setDraft({ ...draft, category: e.currentTarget.value })} placeholder="e.g. SHPFY" />
        </div>
        <div class="grow">
          <label for="f-text">Search</label>
          <input id="f-text" type="search" value={draft.text} maxLength={100} onInput={(e) => setDraft({ ...draft, text: e.currentTarget.value })}
            placeholder="id, entry no., description, user, error, filter value" />
        </div>
        <fieldset class="statuses">
          <legend>Status</legend>
          {statusOrder.map((s) => (
            <label key={s} class="check">
              <input type="checkbox" checked={draft.statuses.includes(s)} onChange={(e) => setDraft({
                ...draft, statuses: e.currentTarget.checked ? [...draft.statuses, s] : draft.statuses.filter((x) => x !== s),
              })} />{statusNames[s]}
            </label>
          ))}
        </fieldset>
        <div class="row">
          <button type="submit">Apply filter</button>
          {key ? <button type="button" class="link" onClick={() => navigate("/entries")}>Clear</button> : null}
        </div>
      </form>

      {canControl ? (
        <div class="bulk" role="group" aria-label="Bulk actions">
          <span>{selected.size ? `${selected.size} selected:` : "On everything this filter matches:"}</span>
          {actions.map(([a, label, verb]) => (
            <button key={a} type="button" disabled={busy} class={a === BulkAction.DELETE || a === BulkAction.CANCEL ? "danger" : undefined}
              onClick={() => bulk(a, verb, label, selected.size > 0)}>
              {label} {selected.size ? "selected" : "all"}
            </button>
          ))}
        </div>
      ) : null}
      {note ? <Notice kind={note.error ? "error" : "empty"}>{note.text}</Notice> : null}

      {error ? <Notice kind="error">{error} <button type="button" class="link" onClick={load}>Retry</button></Notice>
        : list === null ? <Notice kind="loading">Loading entries…</Notice>
        : list.jobs.length === 0 ? <Notice kind="empty">{key ? "No entry matches this filter. Change or clear it." : "The queue is empty. Start a sync to queue an entry."}</Notice>
        : (
          <div class="scroll">
            <table class="entries" data-testid="entries">
              <thead>
                <tr>
                  {canControl ? <th scope="col"><span class="sr">Select</span></th> : null}
                  <th scope="col">No.</th><th scope="col">Task</th><th scope="col">Shop</th><th scope="col" class="wide">Category</th>
                  <th scope="col">Status</th><th scope="col">Progress</th><th scope="col" class="wide">Created</th><th scope="col" class="wide">Error</th>
                </tr>
              </thead>
              <tbody>
                {list.jobs.map((j) => (
                  <tr key={j.id}>
                    {canControl ? <td><input type="checkbox" aria-label={`Select entry ${j.entryNo}`} checked={selected.has(j.id)} onChange={() => toggle(j.id)} /></td> : null}
                    <td><Link href={"/entries/" + j.id}>{j.entryNo.toString()}</Link></td>
                    <td>{j.description || reportName(reports, j.reportId)}</td>
                    <td>{j.shopCode}</td>
                    <td class="wide">{j.categoryCode}</td>
                    <td><StatusBadge status={j.status} /></td>
                    <td>{j.status === JobStatus.IN_PROCESS ? <Progress progress={j.lastProgress} label={`Progress of entry ${j.entryNo}`} /> : null}</td>
                    <td class="wide"><Time value={j.createdAt} /></td>
                    <td class="wide err">{j.errorMessage}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      <nav class="pager" aria-label="Pages of entries">
        <button type="button" disabled={pages.length < 2} onClick={() => setPages(pages.slice(0, -1))}>Previous page</button>
        <span>Page {pages.length}</span>
        <button type="button" disabled={!list?.next} onClick={() => list && setPages([...pages, list.next])}>Next page</button>
      </nav>
      {dialog}
    </>
  );
}
