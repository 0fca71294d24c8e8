// Authentication and admin API calls. The tokens live in sessionStorage (gone when the tab closes); an
// expired access token is refreshed once with the rotating refresh token, and the call retried.

const STORAGE_KEY = "mindpeeker.admin.auth";

/** Fired on `authEvents`: "signed-out" (detail: a reason to show) and "forbidden" (the user is not an admin). */
export const authEvents = new EventTarget();

/** An API answer other than 2xx: its HTTP status and the problem's detail. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function currentAuth() {
  try {
    return JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? "null");
  } catch {
    return null;
  }
}

function store(auth) {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(auth));
}

export function isAdmin(auth = currentAuth()) {
  return Array.isArray(auth?.user?.roles) && auth.user.roles.includes("admin");
}

export function signOut(reason = "") {
  const auth = currentAuth();
  sessionStorage.removeItem(STORAGE_KEY);
  if (auth?.refresh_token) {
    // Revokes the refresh token; the answer is always 204 and not awaited.
    fetch("/v1/auth/logout", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ refresh_token: auth.refresh_token }) }).catch(() => {});
  }
  authEvents.dispatchEvent(new CustomEvent("signed-out", { detail: reason }));
}

async function readProblem(response) {
  const body = await response.json().catch(() => null);
  const errors = body?.errors ? Object.values(body.errors).flat().join(" ") : "";
  return [body?.detail ?? body?.title ?? response.statusText, errors].filter(Boolean).join(" ");
}

/** Signs in with email and password; returns the stored auth ({ token, refresh_token, expires_at, user }). */
export async function signIn(email, password) {
  const response = await fetch("/v1/auth/login", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (response.status === 429) {
    throw new ApiError(429, `Too many sign-in attempts; try again in ${response.headers.get("Retry-After") ?? "a few"} seconds.`);
  }
  if (!response.ok) {
    throw new ApiError(response.status, response.status === 401 ? "Invalid email or password." : await readProblem(response));
  }
  const data = (await response.json()).data;
  const auth = { token: data.token, refresh_token: data.refresh_token, expires_at: Date.now() + data.expires_in * 1000, user: data.user };
  store(auth);
  return auth;
}

let refreshing = null;

/** Rotates the refresh token once (concurrent callers share the attempt); false when the session is over. */
export function refreshToken() {
  refreshing ??= (async () => {
    const auth = currentAuth();
    if (!auth?.refresh_token) return false;
    const response = await fetch("/v1/auth/refresh", {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({ refresh_token: auth.refresh_token }),
    }).catch(() => null);
    if (!response?.ok) return false;
    const data = (await response.json()).data;
    store({ ...auth, token: data.token, refresh_token: data.refresh_token, expires_at: Date.now() + data.expires_in * 1000 });
    return true;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

function send(path, method, body) {
  const headers = { Accept: "application/json", Authorization: `Bearer ${currentAuth()?.token ?? ""}` };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  return fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** Calls an admin API and returns the envelope's data. 401 → one refresh and retry, else sign-out; 403 → "forbidden". */
export async function api(path, { method = "GET", body } = {}) {
  let response = await send(path, method, body);
  if (response.status === 401 && (await refreshToken())) {
    response = await send(path, method, body);
  }
  if (response.status === 401) {
    signOut("Your session has expired. Sign in again.");
    throw new ApiError(401, "Not signed in.");
  }
  if (response.status === 403) {
    authEvents.dispatchEvent(new Event("forbidden"));
    throw new ApiError(403, "Admin role required.");
  }
  if (!response.ok) {
    throw new ApiError(response.status, await readProblem(response));
  }
  if (response.status === 204) return null;
  const payload = await response.json();
  return payload?.data ?? payload;
}
