// The access token lives in sessionStorage: it survives a reload of the tab but not
// closing it, and is never shared with other tabs or written to localStorage.

const TOKEN_KEY = 'gwella.accessToken';

/** Why the token changed: a sign-in, a sign-out (here or everywhere), or the API stopped accepting it. */
export type TokenChangeReason = 'signed-in' | 'signed-out' | 'signed-out-everywhere' | 'expired';
type Listener = (token: string | null, reason: TokenChangeReason) => void;
const listeners = new Set<Listener>();

export function getToken(): string | null {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null, reason?: TokenChangeReason): void {
  try {
    if (token) {
      window.sessionStorage.setItem(TOKEN_KEY, token);
    } else {
      window.sessionStorage.removeItem(TOKEN_KEY);
    }
  } catch {
    // Storage can be unavailable (private mode); the session then lasts until reload.
  }
  const why = reason ?? (token ? 'signed-in' : 'signed-out');
  for (const listener of listeners) listener(token, why);
}

export function onTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
