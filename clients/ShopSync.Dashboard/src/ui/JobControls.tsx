// The controls of one entry: hold, ready, restart, run now, cancel, delete; offered only when the entry's status
// allows them and the principal holds jobs.control.
import { useState } from "preact/hooks";
import { errorText, jobs } from "../api";
import { JobStatus, type Job } from "../gen/shopsync/v1/job_queue_pb";
import { navigate } from "../router";
import { useCan } from "../session";
import { useConfirm } from "./confirm";
import { Notice } from "./format";

export function JobControls({ job, onChanged }: { job: Job; onChanged: (job: Job | null) => void }) {
  const can = useCan("jobs.control");
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [dialog, ask] = useConfirm();
  if (!can) return null;

  const s = job.status;
  const ended = s === JobStatus.FINISHED;
  const run = async (name: string, call: () => Promise<Job | null>, done: string) => {
    setBusy(name);
    setMessage(null);
    try {
      const j = await call();
      setMessage({ error: false, text: done });
      onChanged(j);
    } catch (e) {
      setMessage({ error: true, text: errorText(e) });
    } finally {
      setBusy(null);
    }
  };
  const id = job.id;
  const buttons: [string, boolean, () => void][] = [
    ["Hold", s !== JobStatus.ON_HOLD && !ended, () => run("Hold", async () => (await jobs.holdJob({ jobId: id })).job ?? null, "Set On Hold.")],
    ["Set Ready", s === JobStatus.ON_HOLD || s === JobStatus.ERROR, () => run("Set Ready", async () => (await jobs.setJobReady({ jobId: id })).job ?? null, "Set Ready.")],
    ["Restart", s !== JobStatus.IN_PROCESS, () => run("Restart", async () => (await jobs.restartJob({ jobId: id })).job ?? null, "Restarted: Ready with its attempts reset.")],
    ["Run now", s === JobStatus.READY || s === JobStatus.WAITING || s === JobStatus.ON_HOLD, () => run("Run now", async () => (await jobs.runJobNow({ jobId: id })).job ?? null, "Due now.")],
    ["Cancel", !ended, async () => {
      if (!(await ask(`Cancel entry ${job.entryNo} (${job.description})?`, "Cancel entry"))) return;
      await run("Cancel", async () => {
        const r = await jobs.cancelJob({ jobId: id, wait: { seconds: 10n } });
        if (!r.stopped) throw new Error("The handler has not stopped yet; the cancellation stays requested.");
        return r.job ?? null;
      }, "Cancelled.");
    }],
    ["Delete", s !== JobStatus.IN_PROCESS, async () => {
      if (!(await ask(`Delete entry ${job.entryNo} (${job.description}) with its events?`, "Delete entry"))) return;
      await run("Delete", async () => {
        await jobs.deleteJob({ jobId: id });
        navigate("/entries");
        return null;
      }, "Deleted.");
    }],
  ];
  return (
    <section aria-labelledby="controls-h" class="controls">
      <h2 id="controls-h">Controls</h2>
      <div class="row">
        {buttons.filter(([, show]) => show).map(([label, , onClick]) => (
          <button key={label} type="button" class={label === "Cancel" || label === "Delete" ? "danger" : undefined}
            disabled={busy !== null} onClick={onClick}>{busy === label ? label + "…" : label}</button>
        ))}
      </div>
      {message ? <Notice kind={message.error ? "error" : "empty"}>{message.text}</Notice> : null}
      {dialog}
    </section>
  );
}
