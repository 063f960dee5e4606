// A full page load rather than a client-side route change, for the moments the signed-in user
// changes (sign-in, sign-out, session ended): the server layout re-reads the session, the query
// cache of the previous user is dropped, and the live socket reconnects with the new credentials.
export function hardNavigate(path: string): void {
  window.location.assign(path);
}

let signingOut = false;

/**
 * Runs a deliberate sign-out. The session's end is then expected: a 401 or a refused live socket
 * meanwhile does not race the caller's own navigation with a "sign in and come back here" detour.
 */
export async function whileSigningOut<T>(work: () => Promise<T>): Promise<T> {
  signingOut = true;
  try {
    return await work();
  } catch (error) {
    signingOut = false;
    throw error;
  }
}

/** Back to sign-in, returning to the current page afterwards. */
export function toSignIn(): void {
  if (signingOut) return;
  hardNavigate(`/signin?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
}
