// A logger for unit tests that keeps what was logged: operators read these lines, so tests check the ones that
// say something went wrong.
import type { Logger } from 'pino';

export interface LogLine {
  level: 'info' | 'warn' | 'error';
  msg: string;
  fields: Record<string, unknown>;
}

export function recordingLog(): { log: Logger; lines: LogLine[]; messages: (level?: LogLine['level']) => string[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (fields: Record<string, unknown>, msg: string) =>
    void lines.push({ level, msg, fields });
  const log = { info: at('info'), warn: at('warn'), error: at('error') } as unknown as Logger;
  return {
    log,
    lines,
    messages: (level) => lines.filter((line) => !level || line.level === level).map((line) => line.msg),
  };
}
