// Who is signed in (WhoAmI) and what the role may do: a copy of the server's grants (src/ShopSync.Server/Access/
// Roles.cs) used only to hide controls; the server enforces them regardless.
import { createContext } from "preact";
import { useContext } from "preact/hooks";

export type Permission =
  | "jobs.enqueue" | "jobs.control" | "jobs.purge" | "filters.write" | "schedules.write" | "status.write";

const operator: Permission[] = ["jobs.enqueue", "jobs.control", "filters.write", "schedules.write", "status.write"];
const grants: Record<string, Permission[]> = {
  viewer: [],
  operator,
  admin: [...operator, "jobs.purge"],
  "erp-client": ["jobs.enqueue"],
};

export interface Session {
  principal: string;
  role: string;
  shops: string[];
  authentication: string;
  /** Whether the server let this tab in without a key (loopback, no --auth required). */
  anonymous: boolean;
}

export function allows(session: Session | null, p: Permission): boolean {
  return !!session && (grants[session.role] ?? []).includes(p);
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session | null {
  return useContext(SessionContext);
}

export function useCan(p: Permission): boolean {
  return allows(useSession(), p);
}
