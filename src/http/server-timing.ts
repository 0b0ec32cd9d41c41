import type { FastifyReply } from 'fastify';
import type { GroupTiming } from '../db/index.ts';

// Server-Timing (W3C): where a group-committed request's time went (purchases,
// redemptions) — waiting for its group (`queue`), its group's transaction (`db`), and the
// whole request so far (`total`; what is left of it is reading, checking and answering).
// Browsers' developer tools show it, a till can log it, and the API benchmark reports its
// percentiles, so a slow answer can be told apart from a slow network or a busy client.
export function setGroupServerTiming(reply: FastifyReply, timing: GroupTiming): void {
  const ms = (n: number) => n.toFixed(1);
  reply.header('server-timing', `queue;dur=${ms(timing.queuedMs)}, db;dur=${ms(timing.writeMs)};desc="a group of ${timing.groupSize}", total;dur=${ms(reply.elapsedTime)}`);
}
