/**
 * Answering a check-in by replying to its email, as people do: "4", "4 - better week", words that are not
 * an answer, a reply to the wrong email, the same reply delivered twice, an address typed in capitals.
 */
import { describe, expect, it } from 'vitest';
import type { Step } from '../../functions/program/types';
import { replyByEmail } from '../../functions/use-cases/replies/reply-by-email';
import { composeReplyNotedEmail, systemTexts } from '../../functions/use-cases/services/compose';
import { compileCatalog } from '../../scripts/build';
import { type FakeWorld, fakeWorld, testCatalog } from '../support/fake-deps';
import { confirmedParticipant, runUntil } from '../support/fake-program';

const enrolled = (world: FakeWorld, email = 'ana@example.com') => confirmedParticipant(world, { email });

/** The Message-ID a mail client quotes in In-Reply-To for the last email sent to `to` with `subject`. */
function messageIdOf(world: FakeWorld, to: string, subject: string) {
  const index = world.emails.map((e) => e.to === to && e.subject === subject).lastIndexOf(true);
  if (index < 0) throw new Error(`no "${subject}" to ${to}`);
  return `ses-${index + 1}@email.amazonses.com`; // the fake mailer's ids are ses-1, ses-2, …
}

let ids = 0;
const reply = (
  world: FakeWorld,
  text: string,
  extra: { from?: string; inReplyTo?: string[]; messageId?: string } = {},
) => replyByEmail(world.deps, { messageId: `m${++ids}`, from: 'ana@example.com', text, ...extra });

describe('a reply to the weekly check-in email', () => {
  it('records "4 - better week" as the answer with its note', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await enrolled(world);
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    expect(await reply(world, '4 - better week')).toEqual({
      outcome: 'recorded',
      stepId: 'hurt-safety',
      day: 5,
      score: 4,
      answers: 1,
    });
    expect(world.store.replies).toMatchObject([
      { enrollmentId: id, stepId: 'hurt-safety', score: 4, note: 'better week', channel: 'email' },
    ]);
  });

  it('reads only what the person wrote above the quoted email', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await enrolled(world);
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    const text =
      '3\n\nOn Sun, Mar 8, 2026 at 7:00 PM Kintsugi <hello@kintsugi.test> wrote:\n> Reply 1-5. 5 means safe.';
    expect(await reply(world, text)).toMatchObject({ outcome: 'recorded', score: 3 });
  });

  it('finds the person whatever the case and spacing of their address', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await enrolled(world);
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    expect(await reply(world, '2', { from: '  Ana@Example.COM ' })).toMatchObject({
      outcome: 'recorded',
      score: 2,
    });
  });

  it('keeps words that are not an answer as a note beside the open check-in, and says so by email', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await enrolled(world);
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    const sent = world.emails.length;
    expect(await reply(world, 'we finally talked about the money')).toEqual({
      outcome: 'note',
      stepId: 'hurt-safety',
      day: 5,
    });
    expect(world.store.replies.at(-1)).toMatchObject({ note: 'we finally talked about the money' });
    expect(world.store.replies.at(-1)?.score).toBeUndefined();
    // One email back: it was kept as a note, and the check-in still waits for a number.
    expect(world.emails.slice(sent)).toEqual([
      expect.objectContaining({
        to: 'ana@example.com',
        subject: 'We got your reply',
        text: expect.stringMatching(/^Kept as a note\. Reply 1 to 5 for the check-in\./),
      }),
    ]);
  });

  it('keeps words as a journal note when no question is open', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await enrolled(world);
    await runUntil(world, '2026-03-04T12:00:00.000Z');
    expect(await reply(world, 'a hard day, but we ate together')).toEqual({ outcome: 'note' });
    expect(world.store.replies.at(-1)).toMatchObject({ note: 'a hard day, but we ate together' });
  });

  it('records a reply delivered twice once', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await enrolled(world);
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    expect(await reply(world, '5', { messageId: 'twice' })).toMatchObject({ outcome: 'recorded' });
    expect(await reply(world, '5', { messageId: 'twice' })).toEqual({ outcome: 'ignored', reason: 'repeat' });
    expect(world.store.replies).toHaveLength(1);
  });

  it('ignores a reply from an address nobody enrolled with, and one with nothing above the quote', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await enrolled(world);
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    expect(await reply(world, '4', { from: 'someone@else.example' })).toEqual({
      outcome: 'ignored',
      reason: 'unknown-sender',
    });
    expect(await reply(world, '\n\n> How safe did it feel?\n> Reply 1-5')).toEqual({
      outcome: 'ignored',
      reason: 'empty',
    });
    expect(world.store.replies).toHaveLength(0);
  });
});

const WILLING = 'Are you still willing to keep going?';
const SAFER = 'Do you feel safer than at the start?';

/**
 * The day-89 checkpoint with a second yes-or-no question beside "still willing", so that a "yes" fits two
 * open questions and only the email it replies to says which one it answers.
 */
function withTwoCheckpointQuestions(world: FakeWorld) {
  const willing = testCatalog.steps.find((s) => s.id === 'both-willing') as Step;
  const safer: Step = { ...willing, id: 'both-safer', metric: 'feeling-safer', question: SAFER, sms: SAFER };
  world.deps.catalog = { ...testCatalog, steps: [...testCatalog.steps, safer] };
  return world;
}

describe('a reply when two questions take the same kind of answer (the day-89 checkpoint)', () => {
  async function atTheEnd(...others: string[]) {
    const world = withTwoCheckpointQuestions(fakeWorld('2026-03-02T15:00:00.000Z'));
    for (const other of others) await enrolled(world, other);
    await enrolled(world);
    await runUntil(world, '2026-05-31T22:30:00.000Z');
    return world;
  }

  // Without an email named, "yes" goes to "Do you feel safer" (the tests after it show naming moves it).
  it('without naming an email, "yes" answers one of them', async () => {
    const world = await atTheEnd();
    expect(await reply(world, 'yes')).toMatchObject({
      outcome: 'recorded',
      stepId: 'both-safer',
      day: 89,
      score: 1,
    });
  });

  it('answers the question of the email it replies to', async () => {
    const world = await atTheEnd();
    const willing = messageIdOf(world, 'ana@example.com', WILLING);
    expect(await reply(world, 'yes', { inReplyTo: [willing] })).toMatchObject({
      outcome: 'recorded',
      stepId: 'both-willing',
      day: 89,
      score: 1,
    });
  });

  it('looks past ids that are not this person’s check-in emails to one that is', async () => {
    const world = await atTheEnd();
    const lesson = messageIdOf(world, 'ana@example.com', 'Lesson welcome');
    const willing = messageIdOf(world, 'ana@example.com', WILLING);
    expect(await reply(world, 'no', { inReplyTo: ['unknown@mail.example', lesson, willing] })).toMatchObject({
      stepId: 'both-willing',
      score: 0,
    });
  });

  it('does not take another person’s email as the one answered', async () => {
    const world = await atTheEnd('bea@example.com');
    const beas = messageIdOf(world, 'bea@example.com', WILLING);
    expect(await reply(world, 'yes', { inReplyTo: [beas] })).toMatchObject({ stepId: 'both-safer' });
  });
});

describe('RESUME by email', () => {
  it('ends a pause for someone who gets no texts', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await enrolled(world);
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    expect(await reply(world, 'he threatened me with a knife')).toEqual({
      outcome: 'safety',
      category: 'abuse',
    });
    expect((await world.store.getEnrollment(id))?.safetyPause).toBe(true);
    expect(await reply(world, '4')).not.toEqual({ outcome: 'resumed' });
    expect((await world.store.getEnrollment(id))?.safetyPause).toBe(true);
    const sent = world.emails.length;
    expect(await reply(world, 'Resume')).toEqual({ outcome: 'resumed' });
    const e = await world.store.getEnrollment(id);
    expect(e?.safetyPause).toBeUndefined();
    expect(e?.pausedUntil).toBeUndefined();
    // An email says so at once, rather than the program's next step days later.
    expect(world.emails.slice(sent)).toEqual([
      expect.objectContaining({
        subject: 'We got your reply',
        text: expect.stringMatching(/^Your program picks up again\./),
      }),
    ]);
  });

  it('with nothing paused is kept as words, not a resume', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await enrolled(world);
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    expect(await reply(world, 'RESUME')).toMatchObject({ outcome: 'note' });
  });
});

describe('a reply that shows signs of danger or concern, from an address typed differently', () => {
  it('danger: pauses that person’s program and emails the crisis lines to the address as written', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await enrolled(world);
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    const sent = world.emails.length;
    expect(await reply(world, 'i dont want to live anymore', { from: ' Ana@Example.com ' })).toEqual({
      outcome: 'safety',
      category: 'self-harm',
    });
    expect((await world.store.getEnrollment(id))?.flagReason).toBe('self-harm');
    expect(world.emails.slice(sent).map((e) => e.to)).toEqual(['Ana@Example.com']);
    expect(world.store.replies).toHaveLength(0);
  });

  it('concern: records the answer, notes the concern on that person, and emails the lines', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await enrolled(world);
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    const sent = world.emails.length;
    const outcome = await reply(world, '2 - I feel hopeless most days lately', { from: ' ANA@example.com' });
    expect(outcome).toMatchObject({ outcome: 'recorded', score: 2, concern: expect.any(String) });
    const e = await world.store.getEnrollment(id);
    expect(e?.safetyPause).toBeUndefined();
    expect(e?.concernAt).toBe(world.clock.now().toISOString());
    expect(e?.concernReason).toBe(outcome.concern);
    expect(world.emails.slice(sent).map((m) => m.to)).toEqual(['ANA@example.com']);
  });
});

describe('the email that answers a typed reply', () => {
  it('says what was recorded under each question, in the words a text reply gets, and how to change it', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await enrolled(world);
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    const sent = world.emails.length;
    await reply(world, '4 - better week');
    const [answer] = world.emails.slice(sent);
    expect(world.emails.slice(sent)).toHaveLength(1);
    expect(answer?.subject).toBe('We got your reply');
    expect(answer?.text).toMatch(/^4 of 5 noted\./);
    expect(answer?.text).toContain('Reply again to change an answer.');
    expect(answer?.html).toContain('Reply again to change an answer.');
    expect(answer?.headers?.['List-Unsubscribe']).toBeDefined();
    // A second answer changes the first, and the email says so.
    await reply(world, '3');
    expect(world.emails.at(-1)?.text).toMatch(/4 of 5.*3 of 5|changed/i);
  });

  it('says nothing of changing an answer when the words were only kept as a note', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await enrolled(world);
    await runUntil(world, '2026-03-04T12:00:00.000Z');
    await reply(world, 'a hard day, but we ate together');
    expect(world.emails.at(-1)?.subject).toBe('We got your reply');
    expect(world.emails.at(-1)?.text).not.toContain('Reply again to change an answer.');
  });

  it('is not sent while a pause for signs of danger holds: the email of lines said what comes next', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await enrolled(world);
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    await reply(world, 'he said he would kill me');
    const sent = world.emails.length;
    expect(await reply(world, '3, a hard week')).toMatchObject({ outcome: 'recorded', score: 3 });
    expect(world.emails).toHaveLength(sent);
  });

  it('is sent once for a reply delivered twice', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await enrolled(world);
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    const sent = world.emails.length;
    await reply(world, '5', { messageId: 'twice' });
    await reply(world, '5', { messageId: 'twice' });
    expect(world.emails.slice(sent)).toHaveLength(1);
  });

  it('is neutral in discreet mode: the sender name and the words hide the program', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await confirmedParticipant(world, { email: 'ana@example.com', discreet: true });
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    const sent = world.emails.length;
    await reply(world, 'we finally talked');
    const [answer] = world.emails.slice(sent);
    expect(answer?.fromName).toBe(testCatalog.messages.discreet.fromName);
    expect(`${answer?.subject} ${answer?.text?.split('\n')[0]}`).not.toMatch(/Kintsugi|trust|partner/i);
  });

  it('is not sent to an address that asked for no more email, nor for a reply showing concern', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await enrolled(world);
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    const concernSent = world.emails.length;
    await reply(world, "4. I'm not safe at home");
    // The email of lines, and nothing more.
    expect(world.emails.slice(concernSent).map((e) => e.subject)).toEqual([
      testCatalog.messages.safety.email.en.subject,
    ]);
    const e = await world.store.getEnrollment(id);
    await world.store.saveEnrollment({
      ...(e as NonNullable<typeof e>),
      emailStatus: 'unsubscribed',
      version: (e?.version ?? 0) + 1,
    });
    const sent = world.emails.length;
    await reply(world, 'a quiet week');
    expect(world.emails).toHaveLength(sent);
    expect(world.store.replies.at(-1)).toMatchObject({ note: 'a quiet week' });
  });
});

describe('the email that answers a typed reply, in the program’s own words', () => {
  it('drops the sender’s name a text starts with: the email shows it above', async () => {
    const catalog = await compileCatalog();
    const deps = { ...fakeWorld().deps, catalog };
    const who = {
      id: 'e1',
      email: 'ana@example.com',
      checkinDay: 'sunday' as const,
      checkinTime: '19:00',
      timezone: 'America/New_York',
    };
    const kept = composeReplyNotedEmail(deps, who, catalog.messages.sms.noteKeptCheckinOpen);
    expect(catalog.messages.sms.noteKeptCheckinOpen).toMatch(/^Kintsugi: kept/);
    expect(kept.text).toMatch(/^Kept as a private note\. To answer this week's check-in/);
    const discreet = composeReplyNotedEmail(
      deps,
      { ...who, discreet: true, language: 'es' },
      systemTexts({ catalog }, { discreet: true, language: 'es' }).noteKeptCheckinOpen,
    );
    expect(discreet.text?.split('\n\n')[0]).toMatch(/^Lo guardamos como nota privada/);
    expect(discreet.subject).toBe('Recibimos tu respuesta');
  }, 30_000);
});
