// OIDC sign-in where the server has it configured (Dashboard:Oidc, docs/dashboard.md): the authorization-code flow
// with PKCE for a public client, done by oauth4webapi (discovery, state/nonce/PKCE, the code exchange and the ID
// token's claims). The pending request (verifier, state, nonce, where to return) and the token live in this tab's
// sessionStorage; the code and state leave the address bar as soon as the page reads them.
import * as oauth from "oauth4webapi";

/** What GET /_shopsync/oidc says (nothing secret: the page is a public client). */
export interface OidcSettings {
  authority: string;
  clientId: string;
  scopes: string;
}

/** Where the provider sends the browser back; the server answers it with the page, like any deep link. */
export const callbackPath = "/signin/oidc";
/** sessionStorage names (the tests tamper with the pending request to check that the page refuses it). */
export const pendingKey = "shopsync.oidc.pending";
const tokenKey = "shopsync.oidc.token";

interface Pending {
  verifier: string;
  state: string;
  nonce: string;
  returnTo: string;
}

interface StoredToken {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** The server's OIDC settings, or null: not configured (or not reachable: then the API key form is the way in). */
export async function loadOidcSettings(): Promise<OidcSettings | null> {
  try {
    const r = await fetch("/_shopsync/oidc", { cache: "no-store", headers: { accept: "application/json" } });
    if (!r.ok) return null;
    const s = (await r.json()) as Partial<OidcSettings>;
    return s.authority && s.clientId && s.scopes ? (s as OidcSettings) : null;
  } catch {
    return null;
  }
}

/** The token of this tab (check expiresAt before use). */
export const oidcToken = {
  get: (): StoredToken | null => {
    const raw = sessionStorage.getItem(tokenKey);
    return raw ? (JSON.parse(raw) as StoredToken) : null;
  },
  clear: () => sessionStorage.removeItem(tokenKey),
};

/** http is allowed for a provider on loopback only (development and tests); the server refuses any other http authority. */
function transportOptions(url: URL) {
  return url.protocol === "http:" ? { [oauth.allowInsecureRequests]: true } : {};
}

async function discover(s: OidcSettings): Promise<oauth.AuthorizationServer> {
  const issuer = new URL(s.authority);
  const response = await oauth.discoveryRequest(issuer, { algorithm: "oidc", ...transportOptions(issuer) });
  return oauth.processDiscoveryResponse(issuer, response);
}

const redirectUri = () => location.origin + callbackPath;

/** Sends the browser to the provider; it comes back to {@link callbackPath}, then to returnTo. */
export async function startOidcSignIn(s: OidcSettings, returnTo: string): Promise<void> {
  const as = await discover(s);
  if (!as.authorization_endpoint) throw new Error("The provider's discovery document has no authorization_endpoint.");
  const pending: Pending = {
    verifier: oauth.generateRandomCodeVerifier(),
    state: oauth.generateRandomState(),
    nonce: oauth.generateRandomNonce(),
    returnTo,
  };
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
  const url = new URL(as.authorization_endpoint);
  url.searchParams.set("client_id", s.clientId);
  url.searchParams.set("redirect_uri", redirectUri());
  url.searchParams.set("response_type", "code");
  url.searchParams.set("scope", s.scopes);
  url.searchParams.set("state", pending.state);
  url.searchParams.set("nonce", pending.nonce);
  url.searchParams.set("code_challenge", await oauth.calculatePKCECodeChallenge(pending.verifier));
  url.searchParams.set("code_challenge_method", "S256");
  location.assign(url.href);
}

/** A refusal with a sentence for the sign-in page. */
export class OidcError extends Error {}

/**
 * The callback: checks state, exchanges the code with the verifier, checks the ID token's nonce, keeps the access
 * token, and puts the address the sign-in started from back in the address bar (without code and state).
 */
export async function finishOidcSignIn(s: OidcSettings | null): Promise<void> {
  const callback = new URL(location.href);
  const raw = sessionStorage.getItem(pendingKey);
  sessionStorage.removeItem(pendingKey);
  const pending = raw ? (JSON.parse(raw) as Pending) : null;
  // Only a path of this origin (the pending request is this tab's own, but the address bar takes nothing else).
  history.replaceState(null, "", pending && /^\/(?!\/)/.test(pending.returnTo) ? pending.returnTo : "/");
  if (!s) throw new OidcError("This server has no OIDC sign-in configured; sign in with an API key.");
  if (!pending) throw new OidcError("This sign-in answer was not asked for by this tab; nothing was signed in. Start the sign-in again.");

  const as = await discover(s);
  const client: oauth.Client = { client_id: s.clientId };
  let params: URLSearchParams;
  try {
    params = oauth.validateAuthResponse(as, client, callback, pending.state);
  } catch (e) {
    if (e instanceof oauth.AuthorizationResponseError) throw new OidcError(`The identity provider refused the sign-in: ${e.error}${e.error_description ? " — " + e.error_description : ""}.`);
    if (e instanceof oauth.OperationProcessingError && /state/.test(e.message)) {
      throw new OidcError("The sign-in answer does not match the request this tab sent (its state differs), so it was refused. Start the sign-in again.");
    }
    throw e;
  }
  let result: oauth.TokenEndpointResponse;
  try {
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirectUri(), pending.verifier, transportOptions(new URL(as.token_endpoint ?? s.authority)));
    result = await oauth.processAuthorizationCodeResponse(as, client, response, { expectedNonce: pending.nonce, requireIdToken: true });
  } catch (e) {
    if (e instanceof oauth.ResponseBodyError) throw new OidcError(`The identity provider refused the code exchange: ${e.error}${e.error_description ? " — " + e.error_description : ""}.`);
    if (e instanceof oauth.OperationProcessingError && /nonce/.test(e.message)) throw new OidcError("The ID token was not issued for this tab's request (its nonce differs), so it was refused. Start the sign-in again.");
    throw e;
  }
  const lifetime = result.expires_in ?? expiresIn(result.access_token);
  const token: StoredToken = { accessToken: result.access_token, expiresAt: Date.now() + lifetime * 1000 };
  sessionStorage.setItem(tokenKey, JSON.stringify(token));
}

/** Seconds until a JWT access token's exp (the page only reads it, the server checks it); 5 minutes if it has none. */
function expiresIn(accessToken: string): number {
  try {
    const payload = JSON.parse(atob(accessToken.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))) as { exp?: number };
    if (typeof payload.exp === "number") return Math.max(0, payload.exp - Date.now() / 1000);
  } catch {
    // An opaque token: the server decides.
  }
  return 300;
}
