// A new schedule (ScheduleRecurring): task, shop, a recurrence (cron, weekly window, or date formula), zone and
// priority. The next runs are previewed by the server (PreviewSchedule) while the form is filled in, and its field
// violations, from the preview or from saving, appear at the field they name. Filters and options of a schedule are
// set with the CLI (shopsync schedule add) or edited afterwards.
import { useEffect, useState } from "preact/hooks";
import { create } from "@bufbuild/protobuf";
import { errorText, fieldErrors, schedules } from "../api";
import { useReports, useShopCodes } from "../catalog";
import { RecurringScheduleSchema, Weekday, type RecurringSchedule, type ScheduleInfo } from "../gen/shopsync/v1/schedule_pb";
import { Notice } from "../ui/format";

type Kind = "cron" | "weekly" | "dateFormula";

const weekdays: [Weekday, string][] = [
  [Weekday.MONDAY, "Mon"], [Weekday.TUESDAY, "Tue"], [Weekday.WEDNESDAY, "Wed"], [Weekday.THURSDAY, "Thu"],
  [Weekday.FRIDAY, "Fri"], [Weekday.SATURDAY, "Sat"], [Weekday.SUNDAY, "Sun"],
];

/** A violation's path (either RPC: the schedule is `schedule` in both) to the id of the input it names. */
const places: [RegExp, string][] = [
  [/^shop_code$/, "new-shop"], [/^report_id$/, "new-task"], [/^description$/, "new-description"], [/^priority$/, "new-priority"],
  [/^schedule\.time_zone$/, "new-tz"], [/^schedule\.cron(\.expression)?$/, "new-cron"],
  [/^schedule\.weekly\.weekdays/, "new-weekdays"], [/^schedule\.weekly\.minutes_between_runs$/, "new-minutes"],
  [/^schedule\.weekly\.starting_time$/, "new-from"], [/^schedule\.weekly\.ending_time$/, "new-until"],
  [/^schedule\.date_formula(\.formula)?$/, "new-formula"], [/^schedule\.date_formula\.starting_time$/, "new-at"],
  [/^schedule$/, "new-kind"],
];

function place(e: unknown): { at: Map<string, string>; rest: string[] } {
  const at = new Map<string, string>();
  const rest: string[] = [];
  for (const [path, text] of fieldErrors(e)) {
    const id = places.find(([re]) => re.test(path))?.[1];
    if (id) at.set(id, text); else rest.push(`${path}: ${text}`);
  }
  return { at, rest };
}

export function NewSchedule({ onCreated, onClose }: { onCreated: (s: ScheduleInfo) => void; onClose: () => void }) {
  const reports = useReports();
  const shopCodes = useShopCodes();
  const [v, setV] = useState({
    task: 0, shop: "", description: "", kind: "cron" as Kind, cron: "*/15 * * * *", days: [] as Weekday[], minutes: "60",
    from: "", until: "", formula: "1D", at: "", tz: Intl.DateTimeFormat().resolvedOptions().timeZone ?? "UTC", priority: "", paused: false,
  });
  const [errors, setErrors] = useState<Map<string, string>>(new Map());
  const [formError, setFormError] = useState<string | null>(null);
  const [preview, setPreview] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof v>) => setV((old) => ({ ...old, ...patch }));

  useEffect(() => { if (!v.task && reports.length) set({ task: (reports.find((r) => r.aliases.includes("orders")) ?? reports[0]).reportId }); }, [reports]);
  useEffect(() => { if (!v.shop && shopCodes.length) set({ shop: shopCodes[0] }); }, [shopCodes]);

  const schedule = (): RecurringSchedule => create(RecurringScheduleSchema, {
    timeZone: v.tz.trim(),
    form: v.kind === "cron" ? { case: "cron", value: { expression: v.cron.trim() } }
      : v.kind === "weekly" ? { case: "weekly", value: { weekdays: v.days, minutesBetweenRuns: Number(v.minutes) || 0, startingTime: v.from.trim(), endingTime: v.until.trim() } }
      : { case: "dateFormula", value: { formula: v.formula.trim(), startingTime: v.at.trim() } },
  });

  // The preview follows the recurrence fields (300 ms after the last keystroke); a stale answer is dropped.
  const recurrence = [v.kind, v.cron, v.days.join(), v.minutes, v.from, v.until, v.formula, v.at, v.tz];
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      schedules.previewSchedule({ schedule: schedule(), count: 5 }).then(
        (r) => { if (!live) return; setPreview(r.localRuns); setErrors(new Map()); setFormError(null); },
        (e) => {
          if (!live) return;
          const { at, rest } = place(e);
          setPreview(null); setErrors(at); setFormError(at.size && !rest.length ? null : rest.length ? rest.join("; ") : errorText(e));
        });
    }, 300);
    return () => { live = false; clearTimeout(timer); };
  }, recurrence);

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true); setErrors(new Map()); setFormError(null);
    try {
      const r = await schedules.scheduleRecurring({
        shopCode: v.shop, reportId: v.task, description: v.description.trim(), priority: Number(v.priority) || 0,
        onHold: v.paused, schedule: schedule(),
      });
      onCreated(r.schedule!);
    } catch (err) {
      const { at, rest } = place(err);
      setErrors(at);
      setFormError(at.size && !rest.length ? "Correct the fields marked below." : rest.length ? rest.join("; ") : errorText(err));
      const first = [...at.keys()][0];
      if (first) queueMicrotask(() => document.getElementById(first)?.focus());
    } finally {
      setBusy(false);
    }
  };

  const error = (id: string) => errors.get(id) ? <p id={id + "-error"} class="field-error">{errors.get(id)}</p> : null;
  const aria = (id: string, help?: boolean) => ({
    id, "aria-invalid": errors.get(id) ? true : undefined,
    "aria-describedby": [help ? id + "-help" : "", errors.get(id) ? id + "-error" : ""].filter(Boolean).join(" ") || undefined,
  });
  const text = (id: string, label: string, value: string, onValue: (s: string) => void, help?: string) => (
    <div class={"field" + (errors.get(id) ? " invalid" : "")}>
      <label for={id}>{label}</label>
      <input {...aria(id, !!help)} value={value} onInput={(e) => onValue(e.currentTarget.value)} />
      {help ? <p id={id + "-help"} class="help">{help}</p> : null}
      {error(id)}
    </div>
  );

  return (
    <form class="editor" onSubmit={save} aria-label="New schedule" noValidate>
      <h2>New schedule</h2>
      <div class="grid">
        <div class={"field" + (errors.get("new-task") ? " invalid" : "")}>
          <label for="new-task">Task</label>
          <select {...aria("new-task")} value={String(v.task)} onChange={(e) => set({ task: Number(e.currentTarget.value) })}>
            {reports.map((r) => <option key={r.reportId} value={String(r.reportId)}>{r.name}</option>)}
          </select>
          {error("new-task")}
        </div>
        <div class={"field" + (errors.get("new-shop") ? " invalid" : "")}>
          <label for="new-shop">Shop</label>
          <select {...aria("new-shop")} value={v.shop} onChange={(e) => set({ shop: e.currentTarget.value })}>
            {shopCodes.length === 0 ? <option value="">No shop yet</option> : null}
            {shopCodes.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
          {error("new-shop")}
        </div>
        {text("new-description", "Description", v.description, (s) => set({ description: s }), "Empty: the task's name.")}
        <div class={"field" + (errors.get("new-kind") ? " invalid" : "")}>
          <label for="new-kind">Recurrence</label>
          <select {...aria("new-kind")} value={v.kind} onChange={(e) => set({ kind: e.currentTarget.value as Kind })}>
            <option value="cron">Cron expression</option>
            <option value="weekly">Weekdays and a daily window</option>
            <option value="dateFormula">Next run date formula</option>
          </select>
          {error("new-kind")}
        </div>
        {v.kind === "cron" ? text("new-cron", "Cron expression", v.cron, (s) => set({ cron: s }), "5 fields (minute hour day month weekday), or 6 with seconds first.") : null}
        {v.kind === "dateFormula" ? <>
          {text("new-formula", "Date formula", v.formula, (s) => set({ formula: s }), "e.g. 1D, CM+1D, WD1.")}
          {text("new-at", "At (HH:MM)", v.at, (s) => set({ at: s }), "Empty: 00:00.")}
        </> : null}
        {v.kind === "weekly" ? <>
          <fieldset id="new-weekdays" class={"field" + (errors.get("new-weekdays") ? " invalid" : "")} aria-describedby={errors.get("new-weekdays") ? "new-weekdays-error" : undefined}>
            <legend>Weekdays (none: every day)</legend>
            {weekdays.map(([d, label]) => (
              <label class="check" key={d}>
                <input type="checkbox" checked={v.days.includes(d)}
                  onChange={(e) => set({ days: e.currentTarget.checked ? [...v.days, d].sort((a, b) => a - b) : v.days.filter((x) => x !== d) })} />{label}
              </label>
            ))}
            {error("new-weekdays")}
          </fieldset>
          {text("new-minutes", "Minutes between runs", v.minutes, (s) => set({ minutes: s }), "0: once a day.")}
          {text("new-from", "From (HH:MM)", v.from, (s) => set({ from: s }), "Empty: 00:00.")}
          {text("new-until", "Until (HH:MM)", v.until, (s) => set({ until: s }), "Empty: end of day; earlier than From crosses midnight.")}
        </> : null}
        {text("new-tz", "Time zone", v.tz, (s) => set({ tz: s }), "IANA name, e.g. Europe/Oslo; empty: UTC.")}
        {text("new-priority", "Priority", v.priority, (s) => set({ priority: s }), "Empty: the task's default.")}
      </div>
      <label class="check"><input type="checkbox" checked={v.paused} onChange={(e) => set({ paused: e.currentTarget.checked })} />Create paused (On Hold)</label>
      <section aria-label="Next runs" aria-live="polite" data-testid="preview">
        {preview ? (
          <>
            <h3>Next {preview.length} runs</h3>
            <ol>{preview.map((r) => <li key={r}><time dateTime={r}>{r}</time></li>)}</ol>
          </>
        ) : errors.size ? <p class="help">No preview until the marked fields are corrected.</p> : null}
      </section>
      {formError ? <Notice kind="error">{formError}</Notice> : null}
      <div class="row">
        <button type="submit" disabled={busy || !v.shop || !v.task}>{busy ? "Creating…" : "Create schedule"}</button>
        <button type="button" onClick={onClose}>Cancel</button>
      </div>
    </form>
  );
}
