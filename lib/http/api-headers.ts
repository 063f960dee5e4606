// The headers Next adds to every API answer (next.config.js reads the same file), for answers
// server.ts sends itself (the data path).
import RESPONSE_HEADERS from '../security/response-headers.json';

export const API_RESPONSE_HEADERS: Readonly<Record<string, string>> = Object.freeze({ ...RESPONSE_HEADERS.all, ...RESPONSE_HEADERS.api });
