// The page's only way to the server: the same JSON API and bearer tokens as any other client.
//
// Tokens (docs/dashboard.md): the access token (15 minutes) lives only in this module's memory. The refresh token
// is kept in sessionStorage so a reload or an expired access token does not mean typing the password again; it
// is per tab, gone when the tab closes, and rotated on every use (a stolen, already-used copy revokes the whole
// session on the server). The strict CSP (scripts from this origin only) is what keeps other scripts from it.

const REFRESH_KEY = 'gd.dashboard.refresh';
const JSON_HEADERS = { 'content-type': 'application/json' };

/** An answer other than 2xx, with the API's error code. */
export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function errorOf(res) {
  const body = await res.json().catch(() => ({}));
  return new ApiError(res.status, body.code ?? 'HTTP_ERROR', body.message ?? `HTTP ${res.status}`);
}

/** A same-origin path with the given query parameters added (empty ones left out). */
export function pathWith(path, params = {}) {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  return url.pathname + url.search;
}

/**
 * @param onSignedOut called once the session cannot be renewed (refresh token spent, expired or revoked)
 */
export function createApi({ onSignedOut }) {
  let accessToken = null;
  let refreshing = null;

  const keep = (pair) => {
    accessToken = pair.accessToken;
    sessionStorage.setItem(REFRESH_KEY, pair.refreshToken);
  };
  const forget = () => {
    accessToken = null;
    sessionStorage.removeItem(REFRESH_KEY);
  };

  // One renewal at a time: the charts load in parallel, and two uses of one refresh token would be taken for
  // a replay and end the session.
  function renew() {
    refreshing ??= (async () => {
      const refreshToken = sessionStorage.getItem(REFRESH_KEY);
      if (!refreshToken) return false;
      const res = await fetch('/auth/refresh', {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ refreshToken }),
      });
      if (res.ok) {
        keep(await res.json());
        return true;
      }
      // Throttled or a server fault: the token may still be good, so keep it and let the caller retry.
      if (res.status === 429 || res.status >= 500) throw await errorOf(res);
      forget();
      return false;
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  const send = (path) => fetch(path, { headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {} });

  return {
    async login(username, password) {
      const res = await fetch('/auth/login', {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ username, password }),
      });
      if (!res.ok) throw await errorOf(res);
      keep(await res.json());
    },

    /** Picks up the session of this tab after a reload; false when there is none to pick up. */
    resume: () => renew(),

    /** GET a JSON resource, renewing the access token once if it has expired. */
    async get(path, params) {
      const target = pathWith(path, params);
      let res = await send(target);
      if (res.status === 401 && (await renew())) res = await send(target);
      if (res.status === 401) {
        forget();
        onSignedOut('expired');
      }
      if (!res.ok) throw await errorOf(res);
      return res.json();
    },

    /** Ends the session on the server too, so the refresh token cannot be used again. */
    async logout() {
      const end = () => fetch('/auth/logout', { method: 'POST', headers: { authorization: `Bearer ${accessToken}` } });
      try {
        if ((await end()).status === 401 && (await renew())) await end();
      } finally {
        forget();
      }
    },
  };
}
