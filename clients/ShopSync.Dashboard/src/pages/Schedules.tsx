// Schedules: the recurring entries with their next runs (PreviewSchedule), pause, resume and edit (UpdateSchedule
// sends the whole definition back, changed), and a new one (NewSchedule).
import { useEffect, useState } from "preact/hooks";
import { create } from "@bufbuild/protobuf";
import { errorText, fieldErrors, schedules } from "../api";
import { reportName, useReports } from "../catalog";
import { JobStatus } from "../gen/shopsync/v1/job_queue_pb";
import { RecurringScheduleSchema, ScheduleRecurringRequestSchema, type RecurringSchedule, type ScheduleInfo } from "../gen/shopsync/v1/schedule_pb";
import { useCan } from "../session";
import { Link, Notice, resultNames, StatusBadge, Time } from "../ui/format";
import { NewSchedule } from "./NewSchedule";

function describe(s?: RecurringSchedule): string {
  const f = s?.form;
  const tz = s?.timeZone || "UTC";
  switch (f?.case) {
    case "cron": return `cron ${f.value.expression} (${tz})`;
    case "weekly": return `weekly, every ${f.value.minutesBetweenRuns || 1440} min from ${f.value.startingTime || "00:00"} to ${f.value.endingTime || "end of day"} (${tz})`;
    case "dateFormula": return `formula ${f.value.formula} at ${f.value.startingTime || "00:00"} (${tz})`;
    default: return "—";
  }
}

export function Schedules() {
  const [list, setList] = useState<ScheduleInfo[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const canWrite = useCan("schedules.write");
  const reports = useReports();
  const load = () => schedules.listSchedules({ pageSize: 200 }).then((r) => { setList(r.schedules); setError(null); }, (e) => setError(errorText(e)));
  useEffect(() => void load(), []);

  if (error) return <><h1>Schedules</h1><Notice kind="error">{error} <button type="button" class="link" onClick={load}>Retry</button></Notice></>;
  if (!list) return <><h1>Schedules</h1><Notice kind="loading">Loading schedules…</Notice></>;
  return (
    <>
      <h1>Schedules</h1>
      {canWrite && !creating ? <button type="button" onClick={() => { setCreating(true); setCreated(null); }}>New schedule</button> : null}
      {creating ? <NewSchedule onClose={() => setCreating(false)}
        onCreated={(s) => { setCreating(false); setCreated(`Created the schedule “${s.description || reportName(reports, s.reportId)}”; its next run is listed below.`); void load(); }} /> : null}
      {created ? <p role="status" class="notice empty">{created}</p> : null}
      {list.length === 0 ? <Notice kind="empty">No schedule yet. {canWrite ? "Create one with New schedule above, or" : "An operator can create one here, or"} with <code>shopsync schedule add orders --shop demo --cron '*/15 * * * *'</code>.</Notice> : (
        <ul class="schedules">
          {list.map((s) => (
            <li key={s.id} class="card" data-testid="schedule">
              <div class="row wrap">
                <strong>{s.description || reportName(reports, s.reportId)}</strong>
                <span>shop {s.shopCode}</span>
                <StatusBadge status={s.status} />
                <span>{describe(s.schedule)}</span>
              </div>
              <p>Next run <Time value={s.nextRun} /> · last run <Time value={s.lastRun} />{s.lastResult ? ` (${resultNames[s.lastResult]})` : ""}
                {s.currentJobId ? <> · <Link href={"/entries/" + s.currentJobId}>current entry</Link></> : null}</p>
              <ScheduleActions s={s} onChanged={load} editing={open === s.id} setEditing={(v) => setOpen(v ? s.id : null)} />
              <NextRuns schedule={s.schedule} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function NextRuns({ schedule }: { schedule?: RecurringSchedule }) {
  const [runs, setRuns] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!schedule) return;
    schedules.previewSchedule({ schedule, count: 5 }).then((r) => { setRuns(r.localRuns); setError(null); }, (e) => setError(errorText(e)));
  }, [schedule]);
  if (error) return <Notice kind="error">{error}</Notice>;
  if (!runs) return null;
  return (
    <details>
      <summary>Next {runs.length} runs</summary>
      <ol>{runs.map((r) => <li key={r}><time dateTime={r}>{r}</time></li>)}</ol>
    </details>
  );
}

function ScheduleActions({ s, onChanged, editing, setEditing }: { s: ScheduleInfo; onChanged: () => void; editing: boolean; setEditing: (v: boolean) => void }) {
  const can = useCan("schedules.write");
  const [error, setError] = useState<string | null>(null);
  if (!can) return null;
  const paused = s.status === JobStatus.ON_HOLD;
  const act = async (call: () => Promise<unknown>) => {
    setError(null);
    try { await call(); onChanged(); } catch (e) { setError(errorText(e)); }
  };
  return (
    <>
      <div class="row">
        {paused
          ? <button type="button" onClick={() => act(() => schedules.resumeSchedule({ scheduleId: s.id }))}>Resume</button>
          : <button type="button" onClick={() => act(() => schedules.pauseSchedule({ scheduleId: s.id }))}>Pause</button>}
        <button type="button" aria-expanded={editing} onClick={() => setEditing(!editing)}>{editing ? "Close editor" : "Edit"}</button>
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {editing ? <ScheduleEditor s={s} onSaved={() => { setEditing(false); onChanged(); }} /> : null}
    </>
  );
}

function ScheduleEditor({ s, onSaved }: { s: ScheduleInfo; onSaved: () => void }) {
  const form = s.schedule?.form;
  const main = form?.case === "cron" ? form.value.expression : form?.case === "dateFormula" ? form.value.formula : form?.case === "weekly" ? String(form.value.minutesBetweenRuns) : "";
  const mainLabel = form?.case === "cron" ? "Cron expression" : form?.case === "dateFormula" ? "Next run date formula" : "Minutes between runs";
  const [description, setDescription] = useState(s.description);
  const [timeZone, setTimeZone] = useState(s.schedule?.timeZone ?? "");
  const [value, setValue] = useState(main);
  const [priority, setPriority] = useState(String(s.priority));
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string | null>(null);

  const schedule = (): RecurringSchedule => {
    const r = create(RecurringScheduleSchema, s.schedule);
    r.timeZone = timeZone.trim();
    if (r.form.case === "cron") r.form.value.expression = value.trim();
    else if (r.form.case === "dateFormula") r.form.value.formula = value.trim();
    else if (r.form.case === "weekly") r.form.value.minutesBetweenRuns = Number(value) || 0;
    return r;
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setErrors(new Map()); setError(null);
    const definition = create(ScheduleRecurringRequestSchema, {
      shopCode: s.shopCode, reportId: s.reportId, description: description.trim(), categoryCode: s.categoryCode,
      priority: Number(priority) || 0, filters: s.filters, options: s.options, maxAttempts: s.maxAttempts,
      rerunDelay: s.rerunDelay, timeout: s.timeout, schedule: schedule(),
    });
    try {
      await schedules.updateSchedule({ scheduleId: s.id, definition });
      onSaved();
    } catch (err) {
      const f = fieldErrors(err);
      const at = new Map<string, string>();
      for (const [path, text] of f) {
        if (/time_zone$/.test(path)) at.set("tz", text);
        else if (/(expression|formula|minutes_between_runs)$/.test(path)) at.set("main", text);
        else if (/description$/.test(path)) at.set("description", text);
        else if (/priority$/.test(path)) at.set("priority", text);
      }
      setErrors(at);
      setError(at.size ? "Correct the fields marked below." : errorText(err));
    }
  };

  const field = (id: string, label: string, v: string, set: (v: string) => void) => {
    const fid = `${s.id}-${id}`;
    return (
      <div class={"field" + (errors.get(id) ? " invalid" : "")}>
        <label for={fid}>{label}</label>
        <input id={fid} value={v} onInput={(e) => set(e.currentTarget.value)} aria-invalid={errors.get(id) ? true : undefined}
          aria-describedby={errors.get(id) ? fid + "-error" : undefined} />
        {errors.get(id) ? <p id={fid + "-error"} class="field-error">{errors.get(id)}</p> : null}
      </div>
    );
  };
  return (
    <form class="editor" onSubmit={save} aria-label="Edit schedule">
      <div class="grid">
        {field("description", "Description", description, setDescription)}
        {field("main", mainLabel, value, setValue)}
        {field("tz", "Time zone (IANA, empty = UTC)", timeZone, setTimeZone)}
        {field("priority", "Priority", priority, setPriority)}
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <button type="submit">Save</button>
    </form>
  );
}
