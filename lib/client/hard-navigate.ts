// A full page load rather than a client-side route change, for the moments the signed-in user
// changes (sign-in, sign-out, session ended): the server layout re-reads the session, the query
// cache of the previous user is dropped, and the live socket reconnects with the new credentials.
export function hardNavigate(path: string): void {
  window.location.assign(path);
}

/** Back to sign-in, returning to the current page afterwards. */
export function toSignIn(): void {
  hardNavigate(`/signin?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
}
