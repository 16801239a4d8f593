import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Message text, names and e-mail addresses never go into a log line:
 * callers log ids of activity types and outcomes only, and the redact list is a safety net.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'svib-bot' },
      redact: { paths: ['text', '*.text', 'email', '*.email', 'name', '*.name', 'connectionString'], censor: '[verborgen]' },
    },
    destination,
  );
}
