// The shell: sign-in (drawn in place, so a deep link survives it), the navigation, the lost-connection banner and
// the page of the current path.
import { useEffect, useState } from "preact/hooks";
import { access, apiKey, Code, ConnectError, errorText } from "./api";
import { resetCatalog } from "./catalog";
import { useConnectionLost } from "./live";
import { useLocation } from "./router";
import { SessionContext, type Session } from "./session";
import { Link, Notice } from "./ui/format";
import { Overview } from "./pages/Overview";
import { Entries } from "./pages/Entries";
import { Entry } from "./pages/Entry";
import { StartSync } from "./pages/StartSync";
import { Schedules } from "./pages/Schedules";
import { Shops } from "./pages/Shops";

type State =
  | { kind: "loading" }
  | { kind: "signin"; error?: string }
  | { kind: "failed"; error: string }
  | { kind: "ready"; session: Session };

async function whoAmI(): Promise<Session> {
  const me = await access.whoAmI({});
  return {
    principal: me.principal,
    role: me.role,
    shops: me.shops,
    authentication: me.authentication,
    anonymous: me.authentication === "anonymous",
  };
}

const pages = [
  { path: "/", label: "Overview" },
  { path: "/entries", label: "Entries" },
  { path: "/start", label: "Start a sync" },
  { path: "/schedules", label: "Schedules" },
  { path: "/shops", label: "Shops" },
];

export function App() {
  const [state, setState] = useState<State>({ kind: "loading" });
  const lost = useConnectionLost();
  const loc = useLocation();

  const identify = async (failedKeyMessage?: string) => {
    try {
      setState({ kind: "ready", session: await whoAmI() });
    } catch (e) {
      const err = ConnectError.from(e);
      if (err.code === Code.Unauthenticated) {
        const hadKey = apiKey.get() !== null;
        apiKey.clear();
        setState({ kind: "signin", error: hadKey ? (failedKeyMessage ?? "The key was refused: ") + err.rawMessage : undefined });
      } else {
        setState({ kind: "failed", error: errorText(e) });
      }
    }
  };

  useEffect(() => void identify(), []);

  const signOut = () => {
    apiKey.clear();
    resetCatalog();
    setState({ kind: "loading" });
    void identify();
  };

  const signIn = (key: string) => {
    apiKey.set(key.trim());
    resetCatalog();
    void identify("The key was refused: ");
  };

  if (state.kind === "loading") return <main id="main" tabIndex={-1}><Notice kind="loading">Connecting to ShopSync…</Notice></main>;
  if (state.kind === "failed") {
    return (
      <main id="main" tabIndex={-1} class="signin">
        <h1>ShopSync</h1>
        <Notice kind="error">{state.error}</Notice>
        <button type="button" onClick={() => { setState({ kind: "loading" }); void identify(); }}>Try again</button>
      </main>
    );
  }
  if (state.kind === "signin" || (state.kind === "ready" && loc.query.get("signin") === "1" && state.session.anonymous)) {
    return <SignIn error={state.kind === "signin" ? state.error : undefined} onSignIn={signIn} />;
  }

  const session = state.session;
  return (
    <SessionContext.Provider value={session}>
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <span class="brand">ShopSync</span>
        <nav aria-label="Pages">
          <ul>
            {pages.map((p) => (
              <li key={p.path}>
                <Link href={p.path} class={isCurrent(loc.path, p.path) ? "current" : undefined}>{p.label}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <div class="who" data-testid="who">
          <span>{session.principal} · {session.role}{session.shops.length ? " · " + session.shops.join(", ") : ""}</span>
          {session.anonymous
            ? <Link href={loc.path + "?signin=1"}>Sign in with a key</Link>
            : <button type="button" class="link" onClick={signOut}>Sign out</button>}
        </div>
      </header>
      {lost ? <div class="banner" role="alert">Connection to the server lost — retrying; live views resume where they left off.</div> : null}
      {session.anonymous ? <p class="anon">Anonymous local access (loopback without <code>--auth required</code>): you act as the admin <code>local</code>.</p> : null}
      <main id="main" tabIndex={-1}>
        <Page path={loc.path} />
      </main>
    </SessionContext.Provider>
  );
}

function isCurrent(path: string, page: string) {
  return page === "/" ? path === "/" : path === page || path.startsWith(page + "/");
}

function Page({ path }: { path: string }) {
  const entry = /^\/entries\/([^/]+)$/.exec(path);
  if (entry) return <Entry id={decodeURIComponent(entry[1])} />;
  switch (path) {
    case "/": return <Overview />;
    case "/entries": return <Entries />;
    case "/start": return <StartSync />;
    case "/schedules": return <Schedules />;
    case "/shops": return <Shops />;
    default: return <Notice kind="empty">There is no page at {path}. Choose one from the navigation above.</Notice>;
  }
}

function SignIn({ error, onSignIn }: { error?: string; onSignIn: (key: string) => void }) {
  const [key, setKey] = useState("");
  return (
    <main id="main" tabIndex={-1} class="signin">
      <h1>Sign in to ShopSync</h1>
      <form onSubmit={(e) => { e.preventDefault(); if (key.trim()) onSignIn(key); }}>
        <label for="api-key">API key</label>
        <input id="api-key" type="password" autoComplete="off" value={key} onInput={(e) => setKey(e.currentTarget.value)}
          aria-describedby="api-key-help" aria-invalid={error ? true : undefined} required />
        <p id="api-key-help" class="help">An <code>ssk_…</code> key from <code>shopsync keys create</code>. It is kept in this tab only (sessionStorage).</p>
        {error ? <Notice kind="error">{error}</Notice> : null}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
