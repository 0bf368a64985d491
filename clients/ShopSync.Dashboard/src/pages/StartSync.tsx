// Start a sync: task and shop, a form built from the task's request page (GetRequestPage), the run mode. The
// server's field violations appear at the field they name; a foreground run shows its progress live.
import { useEffect, useRef, useState } from "preact/hooks";
import { errorText, fieldErrors, jobs } from "../api";
import { useReports, useShopCodes } from "../catalog";
import { FieldType, RunMode, type JobEvent, type RequestPage, type RequestPageField } from "../gen/shopsync/v1/job_queue_pb";
import type { JobProgress } from "../gen/shopsync/v1/common_pb";
import { useCoalescedRender } from "../live";
import { navigate, useLocation } from "../router";
import { useCan } from "../session";
import { Link, Notice, Progress, resultNames } from "../ui/format";
import { describeEvent } from "./Entry";

const hints: Record<number, string> = {
  [FieldType.TEXT]: "text, e.g. *vip*",
  [FieldType.CODE]: "code, e.g. A|B",
  [FieldType.INTEGER]: "whole number, e.g. 1001..1050",
  [FieldType.DECIMAL]: "number, e.g. >=10",
  [FieldType.BOOLEAN]: "true or false",
  [FieldType.DATE]: "date, e.g. >=2024-01-01",
  [FieldType.DATE_TIME]: "date-time, e.g. >=2024-01-01T00:00:00Z",
  [FieldType.OPTION]: "one of the values, e.g. A|B",
};

interface Run {
  jobId: string;
  entryNo: bigint;
  foreground: boolean;
  progress?: JobProgress;
  events: JobEvent[];
  done?: string;
  failed?: boolean;
  lost?: string;
}

const fieldId = (kind: "filter" | "option", name: string) => `${kind}-${name.replace(/[^A-Za-z0-9_-]/g, "_")}`;

export function StartSync() {
  const can = useCan("jobs.enqueue");
  const loc = useLocation();
  const reports = useReports();
  const shopCodes = useShopCodes();
  const [task, setTask] = useState(Number(loc.query.get("task") ?? 0));
  const [shop, setShop] = useState(loc.query.get("shop") ?? "");
  const [mode, setMode] = useState(RunMode.AUTO);
  const [page, setPage] = useState<RequestPage | null>(null);
  const [pageError, setPageError] = useState<string | null>(null);
  const [values, setValues] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useRef<Run | null>(null);
  const render = useCoalescedRender();

  // Without ?task= the form opens on Sync Orders (the connector's main job), else the first task.
  useEffect(() => {
    if (!task && reports.length) setTask((reports.find((x) => x.aliases.includes("orders")) ?? reports[0]).reportId);
  }, [reports]);
  useEffect(() => { if (!shop && shopCodes.length) setShop(shopCodes[0]); }, [shopCodes]);
  useEffect(() => {
    if (!task) return;
    setPage(null); setValues({}); setErrors(new Map()); setPageError(null);
    jobs.getRequestPage({ reportId: task }).then((r) => setPage(r.requestPage ?? null), (e) => setPageError(errorText(e)));
  }, [task]);

  if (!can) return <><h1>Start a sync</h1><Notice kind="empty">Your role may not queue syncs; ask an operator or admin.</Notice></>;

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!page) return;
    setErrors(new Map()); setFormError(null); setBusy(true);
    run.current = null;
    // The request's filters[i] / options[i] in the order sent: a field violation's path names one of them.
    const sentFilters = page.fields.filter((f) => (values[fieldId("filter", f.name)] ?? "").trim() !== "");
    const sentOptions = page.options.filter((o) => (values[fieldId("option", o.name)] ?? "").trim() !== "");
    const byPath = new Map<string, string>();
    sentFilters.forEach((f, i) => { byPath.set(`filters[${i}].expression`, fieldId("filter", f.name)); byPath.set(`filters[${i}].field`, fieldId("filter", f.name)); });
    sentOptions.forEach((o, i) => { byPath.set(`options[${i}].value`, fieldId("option", o.name)); byPath.set(`options[${i}].name`, fieldId("option", o.name)); });
    byPath.set("shop_code", "shop"); byPath.set("report_id", "task"); byPath.set("mode", "mode");
    try {
      const stream = jobs.enqueueJob({
        shopCode: shop, reportId: task, mode,
        filters: sentFilters.map((f) => ({ field: f.name, expression: values[fieldId("filter", f.name)].trim() })),
        options: sentOptions.map((o) => ({ name: o.name, value: values[fieldId("option", o.name)].trim() })),
        requestId: crypto.randomUUID?.() ?? "",
      });
      for await (const m of stream) {
        const ev = m.event;
        if (!ev) continue;
        if (ev.kind.case === "accepted") {
          if (!ev.kind.value.foreground) { navigate("/entries/" + ev.jobId); return; }
          run.current = { jobId: ev.jobId, entryNo: ev.kind.value.entryNo, foreground: true, events: [] };
          setBusy(false);
        }
        const r = run.current;
        if (!r) continue;
        if (ev.kind.case === "progress") r.progress = ev.kind.value;
        else r.events.push(ev);
        if (ev.kind.case === "completed") {
          r.done = resultNames[ev.kind.value.result] ?? "Ended";
          r.failed = !!ev.kind.value.errorMessage;
          if (r.progress && ev.kind.value.counters) r.progress = { ...r.progress, counters: ev.kind.value.counters };
        }
        render();
      }
    } catch (err) {
      if (run.current) { run.current.lost = errorText(err); render(); return; }
      const found = new Map<string, string>();
      const unplaced: string[] = [];
      for (const [path, text] of fieldErrors(err)) {
        const id = byPath.get(path);
        if (id) found.set(id, text); else unplaced.push(`${path}: ${text}`);
      }
      setErrors(found);
      setFormError(found.size && !unplaced.length ? "Correct the fields marked below." : unplaced.length ? unplaced.join("; ") : errorText(err));
      const first = [...found.keys()][0];
      if (first) queueMicrotask(() => document.getElementById(first)?.focus());
    } finally {
      setBusy(false);
    }
  };

  const input = (kind: "filter" | "option", f: RequestPageField) => {
    const id = fieldId(kind, f.name);
    const err = errors.get(id);
    const set = (v: string) => setValues({ ...values, [id]: v });
    const common = {
      id, "aria-invalid": err ? true : undefined, "aria-describedby": `${id}-help${err ? ` ${id}-error` : ""}`,
    };
    const choices = kind === "option" && f.type === FieldType.BOOLEAN ? ["true", "false"] : kind === "option" && f.type === FieldType.OPTION ? f.optionValues : null;
    return (
      <div class={"field" + (err ? " invalid" : "")} key={id}>
        <label for={id}>{f.name}</label>
        {choices ? (
          <select {...common} value={values[id] ?? ""} onChange={(e) => set(e.currentTarget.value)}>
            <option value="">(default)</option>
            {choices.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        ) : <input {...common} value={values[id] ?? ""} onInput={(e) => set(e.currentTarget.value)} placeholder={kind === "filter" ? hints[f.type] : undefined} />}
        <p id={`${id}-help`} class="help">{f.description || hints[f.type]}{kind === "filter" && f.type === FieldType.OPTION && f.optionValues.length ? ` (${f.optionValues.join(", ")})` : ""}</p>
        {err ? <p id={`${id}-error`} class="field-error" data-testid="field-error">{err}</p> : null}
      </div>
    );
  };

  const r = run.current;
  return (
    <>
      <h1>Start a sync</h1>
      <form class="start" onSubmit={submit} noValidate>
        <div class="row wrap">
          <div class="field">
            <label for="task">Task</label>
            <select id="task" value={String(task)} onChange={(e) => setTask(Number(e.currentTarget.value))} aria-describedby={errors.get("task") ? "task-error" : undefined}>
              {reports.map((x) => <option key={x.reportId} value={String(x.reportId)}>{x.name}</option>)}
            </select>
            {errors.get("task") ? <p id="task-error" class="field-error">{errors.get("task")}</p> : null}
          </div>
          <div class="field">
            <label for="shop">Shop</label>
            <select id="shop" value={shop} onChange={(e) => setShop(e.currentTarget.value)} aria-describedby={errors.get("shop") ? "shop-error" : undefined}>
              {shopCodes.length === 0 ? <option value="">No shop yet</option> : null}
              {shopCodes.map((c) => <option key={c} value={c}>{c}</option>)}
            </select>
            {errors.get("shop") ? <p id="shop-error" class="field-error">{errors.get("shop")}</p> : null}
          </div>
          <fieldset class="field">
            <legend>Run</legend>
            {([[RunMode.AUTO, "As the shop allows"], [RunMode.FOREGROUND, "Foreground (watch here)"], [RunMode.BACKGROUND, "Background"]] as const).map(([m, label]) => (
              <label class="check" key={m}><input type="radio" name="mode" checked={mode === m} onChange={() => setMode(m)} />{label}</label>
            ))}
          </fieldset>
        </div>
        {pageError ? <Notice kind="error">{pageError}</Notice> : !page ? <Notice kind="loading">Loading the task's request page…</Notice> : (
          <>
            {page.fields.length ? <fieldset><legend>Filters (empty: everything)</legend><div class="grid">{page.fields.map((f) => input("filter", f))}</div></fieldset> : null}
            {page.options.length ? <fieldset><legend>Options</legend><div class="grid">{page.options.map((o) => input("option", o))}</div></fieldset> : null}
          </>
        )}
        {formError ? <Notice kind="error">{formError}</Notice> : null}
        <button type="submit" disabled={busy || !page || !shop}>{busy ? "Starting…" : "Start"}</button>
      </form>
      {r ? (
        <section aria-labelledby="run-h" class="run" data-testid="foreground-run">
          <h2 id="run-h">Entry <Link href={"/entries/" + r.jobId}>{r.entryNo.toString()}</Link>, running in the foreground</h2>
          <Progress progress={r.progress} label="Progress of the foreground run" />
          {r.done ? <p role="status" class={r.failed ? "notice error" : "notice empty"}>Done: {r.done}.</p> : null}
          {r.lost ? <Notice kind="error">{r.lost} The run goes on: follow it on <Link href={"/entries/" + r.jobId}>its entry page</Link>.</Notice> : null}
          <ol class="timeline">{r.events.map((e) => <li key={e.sequence.toString()}>{describeEvent(e)}</li>)}</ol>
        </section>
      ) : null}
    </>
  );
}
