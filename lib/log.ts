// Structured logs (pino): JSON lines on stdout, level from LOG_LEVEL.
import pino from 'pino';

export type Logger = pino.Logger;

export function createLogger(name = 'grainline'): Logger {
  return pino({ name, level: process.env.LOG_LEVEL ?? 'info' });
}
