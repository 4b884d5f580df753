// Session storage that never breaks the chat: without storage (private modes, blocked cookies)
// the conversation still works on the current page, it just isn't restored after a reload.

export function load<T>(key: string): T | null {
  try {
    return JSON.parse(sessionStorage.getItem(key) ?? "null") as T | null;
  } catch {
    return null;
  }
}

/** Stores a value; null or false forgets the key. */
export function save(key: string, value: unknown): void {
  try {
    if (value == null || value === false) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, JSON.stringify(value));
  } catch {
    /* no storage: the chat still works on this page */
  }
}
