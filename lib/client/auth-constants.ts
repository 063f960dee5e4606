// Names shared by the browser and the server's CSRF check, in a module with no server imports.
export const CSRF_COOKIE = 'grainline_csrf';
export const CSRF_HEADER = 'x-csrf-token';
