// The gRPC-Web clients of the server the page came from, with the API key of the session as the same
// `authorization: Bearer <key>` header the CLI sends (clients/ShopSync.Client/ShopSyncCallCredentials.cs).
import { Code, ConnectError, createClient, type Client, type Interceptor } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { AccessService } from "./gen/shopsync/v1/access_pb";
import { JobQueueService } from "./gen/shopsync/v1/job_queue_pb";
import { ScheduleService } from "./gen/shopsync/v1/schedule_pb";
import { ShopService } from "./gen/shopsync/v1/shop_pb";
import { SyncStatusService } from "./gen/shopsync/v1/sync_status_pb";
import { BadRequestSchema } from "./gen/google/rpc/error_details_pb";

const keyName = "shopsync.apiKey";

/** The API key of this browser tab (sessionStorage: gone when the tab closes, never in the URL). */
export const apiKey = {
  get: (): string | null => sessionStorage.getItem(keyName),
  set: (key: string) => sessionStorage.setItem(keyName, key),
  clear: () => sessionStorage.removeItem(keyName),
};

const auth: Interceptor = (next) => (req) => {
  const key = apiKey.get();
  if (key) req.header.set("authorization", "Bearer " + key);
  return next(req);
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
