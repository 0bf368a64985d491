// The gRPC-Web clients of the server the page came from, with the API key or the OIDC access token of the session
// as the same `authorization: Bearer <credential>` header the CLI sends (clients/ShopSync.Client/ShopSyncCallCredentials.cs).
// When the server refuses a credential the page sent (UNAUTHENTICATED: revoked, expired) or the OIDC token expires,
// the credential is dropped and the shell goes back to sign-in (onSessionEnded).
import { Code, ConnectError, createClient, type Client, type Interceptor } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { AccessService } from "./gen/shopsync/v1/access_pb";
import { JobQueueService } from "./gen/shopsync/v1/job_queue_pb";
import { ScheduleService } from "./gen/shopsync/v1/schedule_pb";
import { ShopService } from "./gen/shopsync/v1/shop_pb";
import { SyncStatusService } from "./gen/shopsync/v1/sync_status_pb";
import { BadRequestSchema } from "./gen/google/rpc/error_details_pb";
import { oidcToken } from "./oidc";

const keyName = "shopsync.apiKey";

/** The API key of this browser tab (sessionStorage: gone when the tab closes, never in the URL). */
export const apiKey = {
  get: (): string | null => sessionStorage.getItem(keyName),
  set: (key: string) => sessionStorage.setItem(keyName, key),
  clear: () => sessionStorage.removeItem(keyName),
};

/** The bearer this tab sends: its API key, else its OIDC access token while valid (an expired one ends the session). */
export function credential(): string | null {
  const key = apiKey.get();
  if (key) return key;
  const token = oidcToken.get();
  if (token && Date.now() >= token.expiresAt) {
    endSession("Your sign-in has expired. Sign in again.");
    return null;
  }
  return token?.accessToken ?? null;
}

/** Drops both kinds of credential (sign out). */
export function clearCredential() {
  apiKey.clear();
  oidcToken.clear();
}

const ended = new Set<(message: string) => void>();

/** Called when the server stops accepting this tab's credential (or it expires); the shell shows sign-in. */
export function onSessionEnded(listener: (message: string) => void): () => void {
  ended.add(listener);
  return () => void ended.delete(listener);
}

export function endSession(message: string) {
  clearCredential();
  for (const l of ended) l(message);
}

function refused(e: unknown, sent: string | null) {
  const err = ConnectError.from(e);
  if (sent !== null && err.code === Code.Unauthenticated && credential() === sent) endSession("The server no longer accepts this sign-in (" + err.rawMessage + "). Sign in again.");
}

async function* watched<T>(messages: AsyncIterable<T>, sent: string | null): AsyncIterable<T> {
  try {
    yield* messages;
  } catch (e) {
    refused(e, sent);
    throw e;
  }
}

const auth: Interceptor = (next) => async (req) => {
  const sent = credential();
  if (sent) req.header.set("authorization", "Bearer " + sent);
  try {
    const res = await next(req);
    return res.stream ? { ...res, message: watched(res.message, sent) } : res;
  } catch (e) {
    refused(e, sent);
    throw e;
  }
};

const transport = createGrpcWebTransport({ baseUrl: location.origin, interceptors: [auth] });

export const jobs: Client<typeof JobQueueService> = createClient(JobQueueService, transport);
export const schedules: Client<typeof ScheduleService> = createClient(ScheduleService, transport);
export const shops: Client<typeof ShopService> = createClient(ShopService, transport);
export const status: Client<typeof SyncStatusService> = createClient(SyncStatusService, transport);
export const access: Client<typeof AccessService> = createClient(AccessService, transport);

/** The field violations of an INVALID_ARGUMENT (google.rpc.BadRequest), by request field path (e.g. "options[0].value"). */
export function fieldErrors(e: unknown): Map<string, string> {
  const result = new Map<string, string>();
  const err = ConnectError.from(e);
  for (const detail of err.findDetails(BadRequestSchema)) {
    for (const v of detail.fieldViolations) result.set(v.field, v.description);
  }
  return result;
}

/** A sentence for an error box: the server's message, or what to do when the server cannot be reached. */
export function errorText(e: unknown): string {
  const err = ConnectError.from(e);
  if (isConnectionLost(err)) return "The server cannot be reached. Check that shopsync-server is running; the page retries by itself.";
  if (err.code === Code.PermissionDenied) return "Not allowed for your key: " + err.rawMessage;
  if (err.code === Code.Unauthenticated) return "Sign-in needed: " + err.rawMessage;
  return err.rawMessage || Code[err.code];
}

/** True for errors a retry can cure: the server went away or the network dropped. */
export function isConnectionLost(e: unknown): boolean {
  const err = ConnectError.from(e);
  return err.code === Code.Unavailable || (err.code === Code.Unknown && /fetch|network|load failed/i.test(err.rawMessage));
}

export function isAborted(e: unknown): boolean {
  return ConnectError.from(e).code === Code.Canceled;
}

export { Code, ConnectError };
