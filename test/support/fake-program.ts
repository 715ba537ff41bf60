/**
 * Walking a person through the program in the use-case fakes (fake-deps.ts): enrolled by the form,
 * confirmed by the emailed link, texts on by YES, and the clock run forward tick by tick.
 */
import { confirm } from '../../functions/use-cases/enrollment/confirm';
import { enroll } from '../../functions/use-cases/enrollment/enroll';
import { replyBySms } from '../../functions/use-cases/replies/reply-by-sms';
import { dispatch } from '../../functions/use-cases/sending/dispatch';
import type { FakeWorld } from './fake-deps';

/** Runs every dispatch tick due up to `iso` (at the moment each is due), then sets the clock to `iso`. */
export async function runUntil(world: FakeWorld, iso: string): Promise<void> {
  for (;;) {
    const next = await world.store.earliestDue();
    if (!next || next > iso) break;
    world.clock.set(next);
    await dispatch(world.deps);
  }
  world.clock.set(iso);
}

/**
 * Someone who filled in the form (by default ana@example.com, hurt track, New York, no phone; `form` adds or
 * overrides fields) and followed the confirmation link; with `textYes`, they also texted YES from the form's
 * number. Returns the enrollment's id.
 */
export async function confirmedParticipant(
  world: FakeWorld,
  form: Record<string, unknown> = {},
  { textYes = false }: { textYes?: boolean } = {},
): Promise<string> {
  const { id } = await enroll(world.deps, {
    email: 'ana@example.com',
    timezone: 'America/New_York',
    role: 'hurt',
    ...form,
  });
  const link = world.emails.at(-1)?.text?.match(/https:\/\/kintsugi\.test\/confirm\?\S+/)?.[0] ?? '';
  await confirm(world.deps, new URL(link).searchParams.get('token') ?? '');
  if (textYes)
    await replyBySms(world.deps, { from: String(form.phone), body: 'YES', messageSid: `SMyes-${id}` });
  return id;
}
