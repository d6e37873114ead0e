/** Gateway faults: which closes end a session, and heartbeats the fake leaves unacknowledged. */
import type { WebSocket } from 'ws';

/** The close code a terminated socket reports (no close frame): an abnormal drop. */
export const ABNORMAL_CLOSE = 1006;

/**
 * Whether the session survives a close with this code, per Discord's close-code table: 1000/1001 (a client's
 * normal close), 4004 and 4010–4014 end it; 4007 and 4009 also ask for a new session. Other codes (4000–4003, 4005,
 * 4008, 1006 drops, discord.js' own 4200) keep it resumable.
 */
export function closeEndsSession(code: number): boolean {
  return (
    code === 1000 || code === 1001 || code === 4004 || code === 4007 || code === 4009 || (code >= 4010 && code <= 4014)
  );
}

/** Closes a socket as Discord would with that code; 1006 (which no close frame may carry) terminates it instead. */
export function closeSocket(ws: WebSocket, code: number, reason = ''): void {
  if (code === ABNORMAL_CLOSE) {
    ws.terminate();
    return;
  }
  if (!(
    code === 1000 ||
    (code >= 3000 && code <= 4999) ||
    (code >= 1001 && code <= 1014 && code !== 1004 && code !== 1005)
  )) {
    throw new Error(
      `closeGateway(${code}): not a code a close frame can carry (use 1006 for a drop without a close frame)`,
    );
  }
  ws.close(code, reason);
}

/** How many of the next heartbeats get no ACK: a number, or every one until set again. */
export class AckDropper {
  private remaining: number | 'all' = 0;

  set(count: number | 'all'): void {
    if (count !== 'all' && (!Number.isInteger(count) || count < 0))
      throw new Error(`dropHeartbeatAcks(${String(count)}): give a count >= 0 or 'all'`);
    this.remaining = count;
  }

  /** True when this heartbeat must go unanswered. */
  take(): boolean {
    if (this.remaining === 'all') return true;
    if (this.remaining <= 0) return false;
    this.remaining--;
    return true;
  }
}
