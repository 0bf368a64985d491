// Small shared pieces: names of statuses and results, times in the browser's zone with UTC on hover, progress.
import type { ComponentChildren } from "preact";
import type { Timestamp } from "@bufbuild/protobuf/wkt";
import { timestampDate } from "@bufbuild/protobuf/wkt";
import { JobResult, JobStatus } from "../gen/shopsync/v1/job_queue_pb";
import type { JobProgress } from "../gen/shopsync/v1/common_pb";
import { onLinkClick } from "../router";

export const statusNames: Record<number, string> = {
  [JobStatus.ON_HOLD]: "On Hold",
  [JobStatus.READY]: "Ready",
  [JobStatus.WAITING]: "Waiting",
  [JobStatus.IN_PROCESS]: "In Process",
  [JobStatus.FINISHED]: "Finished",
  [JobStatus.ERROR]: "Error",
};

export const resultNames: Record<number, string> = {
  [JobResult.SUCCEEDED]: "Succeeded",
  [JobResult.SUCCEEDED_WITH_WARNINGS]: "Succeeded with warnings",
  [JobResult.FAILED]: "Failed",
  [JobResult.CANCELLED]: "Cancelled",
  [JobResult.TIMED_OUT]: "Timed out",
  [JobResult.EXPIRED]: "Expired",
};

export function StatusBadge({ status }: { status: JobStatus }) {
  const name = statusNames[status] ?? "Unknown";
  return <span class={"badge s" + status}>{name}</span>;
}

const localFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** A time in the browser's zone; its UTC form on hover (title) and in the datetime attribute. */
export function Time({ value, empty = "—" }: { value?: Timestamp; empty?: string }) {
  if (!value || (value.seconds === 0n && value.nanos === 0)) return <span>{empty}</span>;
  const d = timestampDate(value);
  const utc = d.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
  return <time dateTime={d.toISOString()} title={utc}>{localFormat.format(d)}</time>;
}

export function Progress({ progress, label }: { progress?: JobProgress; label: string }) {
  const pct = progress?.percent ?? 0;
  const known = pct >= 0;
  const c = progress?.counters;
  return (
    <div class="progress">
      <progress max={100} value={known ? pct : undefined} aria-label={label} />
      <span class="pct" data-testid="percent">{known ? `${pct} %` : "…"}</span>
      {progress?.message ? <span class="msg">{progress.message}</span> : null}
      {c ? <span class="counters">{`${c.done} done · ${c.failed} failed · ${c.skipped} skipped · ${c.pages} pages`}</span> : null}
    </div>
  );
}

export function Link({ href, children, class: cls }: { href: string; children: ComponentChildren; class?: string }) {
  return <a href={href} class={cls} onClick={onLinkClick}>{children}</a>;
}

/** Loading, empty and error states that say what is happening and what to do. */
export function Notice({ kind, children }: { kind: "loading" | "empty" | "error"; children: ComponentChildren }) {
  return <p class={"notice " + kind} role={kind === "error" ? "alert" : "status"}>{children}</p>;
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}
