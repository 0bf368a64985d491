// The shell: sign-in (drawn in place, so a deep link survives it; through OIDC the path rides along in the pending
// request), the navigation, the lost-connection banner and the page of the current path.
import { useEffect, useState } from "preact/hooks";
import { access, apiKey, clearCredential, Code, ConnectError, credential, endSession, errorText, onSessionEnded } from "./api";
import { resetCatalog } from "./catalog";
import { useConnectionLost } from "./live";
import { callbackPath, finishOidcSignIn, loadOidcSettings, OidcError, oidcToken, startOidcSignIn, type OidcSettings } from "./oidc";
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
  /** atKey: the error is about the key typed into the form (drawn at it); else it is drawn above the choices. */
  | { kind: "signin"; error?: string; atKey?: boolean }
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
  const [oidc, setOidc] = useState<OidcSettings | null>(null);
  const lost = useConnectionLost();
  const loc = useLocation();

  const identify = async (failedMessage?: string, atKey = false) => {
    const had = credential() !== null;
    try {
      setState({ kind: "ready", session: await whoAmI() });
    } catch (e) {
      const err = ConnectError.from(e);
      if (err.code === Code.Unauthenticated) {
        clearCredential();
        setState({ kind: "signin", error: had ? (failedMessage ?? "The sign-in was refused: ") + err.rawMessage : undefined, atKey });
      } else {
        setState({ kind: "failed", error: errorText(e) });
      }
    }
  };

  const start = async () => {
    const settings = await loadOidcSettings();
    setOidc(settings);
    if (location.pathname === callbackPath) {
      try {
        await finishOidcSignIn(settings);
      } catch (e) {
        setState({ kind: "signin", error: e instanceof OidcError ? e.message : "The OIDC sign-in failed: " + errorText(e) });
        return;
      }
    }
    await identify("The server refused the sign-in: ");
  };

  useEffect(() => void start(), []);

  // Back to sign-in when the server stops accepting the credential, or when the OIDC token runs out.
  useEffect(() => onSessionEnded((message) => setState((s) => (s.kind === "ready" ? { kind: "signin", error: message } : s))), []);
  useEffect(() => {
    const token = state.kind === "ready" ? oidcToken.get() : null;
    if (!token) return;
    const timer = setTimeout(() => endSession("Your sign-in has expired. Sign in again."), Math.max(0, token.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [state]);

  const signInWithOidc = async () => {
    if (!oidc) return;
    const query = new URLSearchParams(location.search);
    query.delete("signin");
    const rest = query.toString();
    const returnTo = location.pathname === callbackPath ? "/" : location.pathname + (rest ? "?" + rest : "");
    try {
      await startOidcSignIn(oidc, returnTo);
    } catch (e) {
      setState({ kind: "signin", error: "The identity provider cannot be reached: " + errorText(e) });
    }
  };

  const signOut = () => {
    clearCredential();
    resetCatalog();
    setState({ kind: "loading" });
    void identify();
  };

  const signIn = (key: string) => {
    oidcToken.clear();
    apiKey.set(key.trim());
    resetCatalog();
    void identify("The key was refused: ", true);
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
    return <SignIn error={state.kind === "signin" ? state.error : undefined} atKey={state.kind === "signin" && !!state.atKey}
      onSignIn={signIn} oidc={oidc} onOidc={signInWithOidc} />;
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

function SignIn({ error, atKey, onSignIn, oidc, onOidc }:
  { error?: string; atKey: boolean; onSignIn: (key: string) => void; oidc: OidcSettings | null; onOidc: () => void }) {
  const [key, setKey] = useState("");
  const keyError = atKey ? error : undefined;
  return (
    <main id="main" tabIndex={-1} class="signin">
      <h1>Sign in to ShopSync</h1>
      {error && !atKey ? <Notice kind="error">{error}</Notice> : null}
      {oidc ? (
        <div class="oidc">
          <button type="button" onClick={onOidc}>Sign in with {new URL(oidc.authority).host}</button>
          <p class="help">Single sign-on (OIDC) at your organisation's identity provider; you come back to this page. Or use an API key:</p>
        </div>
      ) : null}
      <form onSubmit={(e) => { e.preventDefault(); if (key.trim()) onSignIn(key); }}>
        <label for="api-key">API key</label>
        <input id="api-key" type="password" autoComplete="off" value={key} onInput={(e) => setKey(e.currentTarget.value)}
          aria-describedby="api-key-help" aria-invalid={keyError ? true : undefined} required />
        <p id="api-key-help" class="help">An <code>ssk_…</code> key from <code>shopsync keys create</code>. It is kept in this tab only (sessionStorage).</p>
        {keyError ? <Notice kind="error">{keyError}</Notice> : null}
        <button type="submit">Sign in</button>
      </form>
    </main>
  );
}
