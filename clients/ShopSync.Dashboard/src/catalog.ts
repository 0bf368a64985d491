// Lists every page needs (tasks, shops), loaded once per sign-in.
import { useEffect, useState } from "preact/hooks";
import { jobs, shops } from "./api";
import type { ReportInfo } from "./gen/shopsync/v1/job_queue_pb";

let reports: Promise<ReportInfo[]> | null = null;
let shopCodes: Promise<string[]> | null = null;

export function resetCatalog() {
  reports = null;
  shopCodes = null;
}

function useLoaded<T>(load: () => Promise<T>, initial: T): T {
  const [value, set] = useState<T>(initial);
  useEffect(() => {
    let live = true;
    load().then((v) => live && set(v), () => undefined);
    return () => void (live = false);
  }, []);
  return value;
}

export function useReports(): ReportInfo[] {
  return useLoaded(() => (reports ??= jobs.listReports({}).then((r) => r.reports).catch((e) => { reports = null; throw e; })), []);
}

export function useShopCodes(): string[] {
  return useLoaded(() => (shopCodes ??= shops.listShops({}).then((r) => r.shops.map((s) => s.code)).catch((e) => { shopCodes = null; throw e; })), []);
}

export function reportName(list: ReportInfo[], id: number): string {
  return list.find((r) => r.reportId === id)?.name ?? `Task ${id}`;
}
