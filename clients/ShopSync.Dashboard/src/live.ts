// Live data: streams that survive a lost connection (a banner while they retry), and renders coalesced to at most
// ten per second however fast events arrive.
import { useCallback, useEffect, useReducer, useRef, useState } from "preact/hooks";
import { errorText, isAborted, isConnectionLost } from "./api";

/** Minimum time between two renders of one live view (≤ 10 renders per second under bursts). */
export const RenderIntervalMs = 100;

/**
 * What the coalescing did, measured inside the page (the Chromium tests read it as `window.shopsyncLiveStats`):
 * how many times live views asked for a render, and when (performance.now()) each coalesced render was drawn.
 * Kept to the last 2,000 renders.
 */
export const liveStats = { requests: 0, renders: [] as number[] };
Object.defineProperty(globalThis, "shopsyncLiveStats", { value: liveStats });

let lost = false;
const listeners = new Set<(lost: boolean) => void>();

export function setConnectionLost(value: boolean) {
  if (lost === value) return;
  lost = value;
  for (const l of listeners) l(value);
}

/** True while a stream has lost the server and is retrying (the banner). */
export function useConnectionLost(): boolean {
  const [value, set] = useState(lost);
  useEffect(() => {
    listeners.add(set);
    return () => void listeners.delete(set);
  }, []);
  return value;
}

/**
 * A render trigger that coalesces: calls within 100 ms of the last render are folded into one, drawn in the
 * next animation frame. Live views mutate their model in place and call it per event.
 */
export function useCoalescedRender(): () => void {
  const [, bump] = useReducer((n: number) => n + 1, 0);
  const state = useRef({ last: 0, timer: 0 as ReturnType<typeof setTimeout> | 0, alive: true });
  useEffect(() => () => {
    state.current.alive = false;
    if (state.current.timer) clearTimeout(state.current.timer);
  }, []);
  return useCallback(() => {
    const s = state.current;
    liveStats.requests++;
    if (s.timer) return;
    const wait = Math.max(0, RenderIntervalMs - (performance.now() - s.last));
    s.timer = setTimeout(() => requestAnimationFrame(() => {
      s.timer = 0;
      s.last = performance.now();
      if (!s.alive) return;
      if (liveStats.renders.push(s.last) > 2000) liveStats.renders.shift();
      bump(0);
    }), wait);
  }, []);
}

export interface StreamOptions<T> {
  /** Opens the stream (again after a lost connection). */
  open: (signal: AbortSignal) => AsyncIterable<T>;
  onMessage: (message: T) => void;
  /** Called before each reconnect (e.g. to reload a snapshot the stream has no replay for). */
  beforeReconnect?: () => Promise<void>;
  /** The stream ended by itself (WatchJob at a final state). Without it an ended stream is reopened. */
  onEnd?: () => void;
  onError: (text: string) => void;
}

/**
 * Runs a server stream until the signal aborts. A lost connection sets the banner and retries (1 s, 2 s, … 5 s);
 * any other error is reported and ends it.
 */
export async function runStream<T>(signal: AbortSignal, o: StreamOptions<T>): Promise<void> {
  let delay = 1000;
  let reconnecting = false;
  while (!signal.aborted) {
    try {
      if (reconnecting && o.beforeReconnect) await o.beforeReconnect();
      for await (const m of o.open(signal)) {
        if (reconnecting) {
          reconnecting = false;
          setConnectionLost(false);
        }
        delay = 1000;
        o.onMessage(m);
      }
      if (o.onEnd) {
        o.onEnd();
        return;
      }
    } catch (e) {
      if (signal.aborted || isAborted(e)) return;
      if (!isConnectionLost(e)) {
        o.onError(errorText(e));
        return;
      }
      reconnecting = true;
      setConnectionLost(true);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 5000);
  }
}

/** Runs a stream for the life of a component (restarted when deps change). */
export function useStream<T>(make: () => StreamOptions<T> | null, deps: unknown[]) {
  useEffect(() => {
    const options = make();
    if (!options) return;
    const abort = new AbortController();
    void runStream(abort.signal, options);
    return () => abort.abort();
  }, deps);
}
