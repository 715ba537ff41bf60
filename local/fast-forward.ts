import type { Deps } from '../functions/use-cases/deps';
import { dispatch } from '../functions/use-cases/sending/dispatch';
import type { LocalClock } from './clock';
import type { SentLog } from './sent-log';

export interface AdvanceResult {
  now: string;
  dispatches: number;
  sent: { email: number; sms: number };
}

/**
 * Moves the simulated clock to `target`, running every dispatch due on the way, in order, then one at
 * `target`; with `outage`, none (the scheduler is down). The caller runs one move at a time.
 */
export async function fastForward(
  { deps, clock, sent }: { deps: Deps; clock: LocalClock; sent: SentLog },
  target: Date,
  { outage = false }: { outage?: boolean } = {},
): Promise<AdvanceResult> {
  const before = { ...sent.outbound };
  if (outage) {
    // The scheduler is down: time passes, nothing is dispatched until the clock moves again.
    clock.moveTo(target);
    return { now: clock.now().toISOString(), dispatches: 0, sent: { email: 0, sms: 0 } };
  }
  let dispatches = 0;
  let previous: string | undefined;
  for (;;) {
    const next = await deps.store.earliestDue();
    if (!next || next > target.toISOString()) break;
    // After an outage the due time lies behind the clock: dispatch now, once per due time.
    if (next === previous && next <= clock.now().toISOString()) break;
    previous = next;
    clock.moveTo(new Date(next));
    await dispatch(deps);
    dispatches++;
  }
  clock.moveTo(target);
  await dispatch(deps);
  dispatches++;
  return {
    now: clock.now().toISOString(),
    dispatches,
    sent: { email: sent.outbound.email - before.email, sms: sent.outbound.sms - before.sms },
  };
}
