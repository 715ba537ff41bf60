/**
 * The one-click check-in in an email, as the person meets it: the link opens a page that records nothing
 * (mail scanners open every link), the button records the answer, a second click changes it, a late
 * click is refused in words, and a private note is read for danger before it is kept.
 */
import { describe, expect, it } from 'vitest';
import { errorResponse } from '../../functions/shared/http';
import { deleteData } from '../../functions/use-cases/enrollment/privacy';
import {
  answerByEmail,
  answerLabel,
  MAX_NOTE_CHARACTERS,
  readEmailAnswer,
  readNote,
  viewEmailAnswer,
} from '../../functions/use-cases/replies/checkin-by-email';
import { updateEnrollment } from '../../functions/use-cases/services/update-enrollment';
import { type FakeWorld, fakeWorld } from '../support/fake-deps';
import { confirmedParticipant, runUntil } from '../support/fake-program';

/** The token and score of the email's answer link for `score` (the week's check-in, as sent). */
function answerLink(world: FakeWorld, score: number, subject = 'Your weekly check-in') {
  const email = world.emails.filter((e) => e.subject === subject).at(-1);
  const href = email?.html.match(new RegExp(`href="([^"]*/checkin\\?[^"]*score=${score}[^"]*)"`))?.[1];
  if (!href) throw new Error(`no answer link for ${score} in "${subject}"`);
  const url = new URL(href.replaceAll('&amp;', '&'));
  return {
    token: url.searchParams.get('token') ?? undefined,
    score: url.searchParams.get('score') ?? undefined,
  };
}

/** Enrolled (no YES to texts, so check-ins come by email), and the first weekly check-in email sent (Sunday 19:00 in New York). */
async function withCheckin(extra: Record<string, unknown> = {}) {
  const world = fakeWorld('2026-03-02T15:00:00.000Z');
  const id = await confirmedParticipant(world, extra);
  await runUntil(world, '2026-03-09T12:00:00.000Z');
  return { world, id };
}

describe('the check-in email', () => {
  it('says in its text part that a reply with the number answers it too', async () => {
    const { world } = await withCheckin();
    const checkin = world.emails.find((e) => /\/checkin\?token=/.test(e.text ?? ''));
    expect(checkin?.text).toMatch(
      /5: https:\/\/kintsugi\.test\/checkin\?\S+\nOr reply to this email with the number, and a few words if you like\./,
    );
  });
});

describe('the answer a check-in link carries', () => {
  it('reads a whole number from 1 to 5 and labels it "N of 5"', async () => {
    const { world, id } = await withCheckin();
    for (const score of [1, 5]) {
      const link = answerLink(world, score);
      const answer = readEmailAnswer(world.deps, link.token, link.score);
      expect(answer).toMatchObject({ enrollmentId: id, score, label: `${score} of 5` });
      expect(answer.step.id).toBe('hurt-safety');
      expect(answer.day).toBeGreaterThan(0);
    }
  });

  it('refuses 0, 6, 5.5, a word and nothing on a 1–5 scale, naming the range', async () => {
    const { world } = await withCheckin();
    const { token } = answerLink(world, 3);
    for (const score of ['0', '6', '5.5', 'four', '', undefined]) {
      expect(() => readEmailAnswer(world.deps, token, score), String(score)).toThrow(
        expect.objectContaining({
          code: 'invalid_score',
          field: 'score',
          message: expect.stringContaining('1 to 5'),
        }),
      );
    }
  });

  it('on a yes-or-no question takes 1 as yes and 0 as no, and refuses anything else in those words', () => {
    const world = fakeWorld();
    const token = world.deps.tokens.sign('checkin', 'someone', 'both-willing#89');
    expect(readEmailAnswer(world.deps, token, '1')).toMatchObject({ score: 1, label: 'Yes', day: 89 });
    expect(readEmailAnswer(world.deps, token, '0')).toMatchObject({ score: 0, label: 'No' });
    for (const score of ['2', '-1', '0.5']) {
      expect(() => readEmailAnswer(world.deps, token, score)).toThrow(
        expect.objectContaining({ code: 'invalid_score', message: 'The answer must be 1 (yes) or 0 (no).' }),
      );
    }
  });

  it('refuses a link to a question the program no longer asks, or one that is not a question', () => {
    const world = fakeWorld();
    for (const ref of ['retired-step#12', 'hurt-d1#1', '']) {
      const token = world.deps.tokens.sign('checkin', 'someone', ref);
      expect(() => readEmailAnswer(world.deps, token, '3'), ref).toThrow(
        expect.objectContaining({ status: 404, message: 'This check-in is no longer part of the program.' }),
      );
    }
  });

  it('refuses a link signed for something else, or altered', async () => {
    const { world, id } = await withCheckin();
    const other = world.deps.tokens.sign('unsubscribe', id, 'hurt-safety#5');
    expect(() => readEmailAnswer(world.deps, other, '3')).toThrow();
    const { token } = answerLink(world, 3);
    expect(() => readEmailAnswer(world.deps, `${token}x`, '3')).toThrow();
    expect(() => readEmailAnswer(world.deps, undefined, '3')).toThrow();
  });

  it('labels answers as the page shows them', () => {
    expect(answerLabel({ scale: 'yes-no' }, 1)).toBe('Yes');
    expect(answerLabel({ scale: 'yes-no' }, 0)).toBe('No');
    expect(answerLabel({ scale: '1-5' }, 2)).toBe('2 of 5');
  });
});

describe('the private note beside the button', () => {
  it('is absent when not sent or only spaces, and trimmed otherwise', () => {
    expect(readNote(undefined)).toBeUndefined();
    expect(readNote(null)).toBeUndefined();
    expect(readNote('   \n ')).toBeUndefined();
    expect(readNote('  a calmer week \n')).toBe('a calmer week');
  });

  it('must be text', () => {
    for (const note of [42, ['a'], { text: 'a' }, true]) {
      expect(() => readNote(note)).toThrow(
        expect.objectContaining({ code: 'invalid_note', field: 'note', message: 'The note must be text.' }),
      );
    }
  });

  it('takes up to 1,000 characters after trimming, and says how long a longer one is', () => {
    expect(MAX_NOTE_CHARACTERS).toBe(1000);
    expect(readNote(`  ${'a'.repeat(1000)}  `)).toHaveLength(1000);
    let error: unknown;
    try {
      readNote('b'.repeat(1234));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'note_too_long', field: 'note' });
    expect((error as Error).message).toContain('1,234 characters');
    expect((error as Error).message).toContain('the most it can hold is 1,000');
  });
});

describe('opening the link (the page before the button)', () => {
  it('records nothing, and shows the answer before when there is one', async () => {
    const { world } = await withCheckin();
    const four = answerLink(world, 4);
    const view = await viewEmailAnswer(world.deps, four.token, four.score);
    expect(view).toMatchObject({ score: 4, label: '4 of 5', language: 'en' });
    expect(view.previous).toBeUndefined();
    expect(world.store.replies).toHaveLength(0);

    await answerByEmail(world.deps, four.token, four.score);
    const two = answerLink(world, 2);
    expect(await viewEmailAnswer(world.deps, two.token, two.score)).toMatchObject({ score: 2, previous: 4 });
    expect(world.store.replies).toHaveLength(1);
  });

  it('speaks Spanish to someone enrolled in Spanish', async () => {
    const { world } = await withCheckin({ language: 'es' });
    const link = answerLink(world, 3);
    expect((await viewEmailAnswer(world.deps, link.token, link.score)).language).toBe('es');
  });

  it('says what is wrong with a link’s score or a note in Spanish to someone enrolled in Spanish', async () => {
    const { world } = await withCheckin({ language: 'es' });
    const { token } = answerLink(world, 3);
    for (const read of [
      () => viewEmailAnswer(world.deps, token, '9'),
      () => answerByEmail(world.deps, token, 'cuatro'),
    ])
      await expect(read()).rejects.toMatchObject({
        code: 'invalid_score',
        language: 'es',
        message: 'La respuesta tiene que ser un número entero del 1 al 5.',
      });
    await expect(answerByEmail(world.deps, token, '3', 'x'.repeat(1200))).rejects.toMatchObject({
      code: 'note_too_long',
      language: 'es',
      message: expect.stringMatching(/^Tu nota tiene 1,200 caracteres/),
    });
    expect(world.store.replies).toHaveLength(0);
  });

  it('speaks English when the enrollment is gone', async () => {
    const { world, id } = await withCheckin();
    const link = answerLink(world, 3);
    await deleteData(world.deps, world.deps.tokens.sign('privacy', id));
    const view = await viewEmailAnswer(world.deps, link.token, link.score);
    expect(view.language).toBe('en');
    expect(view.previous).toBeUndefined();
    // Pressed, the button finds nothing: said in the browser's Spanish, not in English inside a Spanish page.
    const gone = await answerByEmail(world.deps, link.token, link.score).catch((error: unknown) => error);
    const page = errorResponse(gone, false, 'es');
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('Esta inscripción ya no existe.');
    expect(page.body).not.toContain('no longer exists');
    expect(errorResponse(gone, false, 'en').body).toContain('This enrollment no longer exists.');
  });
});

describe('pressing the button', () => {
  it('records the answer against the question the email asked, by email', async () => {
    const { world, id } = await withCheckin();
    const link = answerLink(world, 4);
    const recorded = await answerByEmail(world.deps, link.token, link.score);
    expect(recorded).toMatchObject({ score: 4, label: '4 of 5', language: 'en', note: 'none' });
    expect(recorded.previous).toBeUndefined();
    expect(recorded.safety).toBeUndefined();
    expect(world.store.replies).toMatchObject([
      { enrollmentId: id, metric: 'honesty-safety', score: 4, channel: 'email', stepId: 'hurt-safety' },
    ]);
    expect(world.store.replies[0]?.note).toBeUndefined();
    expect(world.store.replies[0]?.at).toBe(world.clock.now().toISOString());
    expect(world.store.replies[0]?.sourceId).toMatch(/^web-/);
  });

  it('answers a 1 on feeling safe with the lines to call, as a text’s answer does, in the program’s language', async () => {
    for (const language of ['en', 'es'] as const) {
      const { world } = await withCheckin({ language });
      const recorded = await answerByEmail(world.deps, answerLink(world, 1).token, '1');
      expect(recorded.safety).toMatchObject({ level: 'concern', language, paused: false });
      expect(recorded.safety?.sectionsHtml.join('')).toContain('988');
    }
    const { world } = await withCheckin();
    expect((await answerByEmail(world.deps, answerLink(world, 2).token, '2')).safety).toBeUndefined();
  });

  it('a second click changes the answer, and says from what', async () => {
    const { world } = await withCheckin();
    const first = answerLink(world, 2);
    await answerByEmail(world.deps, first.token, first.score);
    world.clock.set('2026-03-10T20:00:00.000Z');
    const second = answerLink(world, 5);
    const changed = await answerByEmail(world.deps, second.token, second.score);
    expect(changed).toMatchObject({ score: 5, previous: 2 });
    const latest = world.store.replies.filter((r) => r.stepId === 'hurt-safety').at(-1);
    expect(latest?.score).toBe(5);
  });

  it('keeps a private note with the answer', async () => {
    const { world } = await withCheckin();
    const link = answerLink(world, 3);
    const recorded = await answerByEmail(world.deps, link.token, link.score, '  we talked on Saturday ');
    expect(recorded.note).toBe('kept');
    expect(world.store.replies.at(-1)).toMatchObject({ score: 3, note: 'we talked on Saturday' });
  });

  it('refuses a click after the question closed, with the date where the person lives, and records nothing', async () => {
    const { world } = await withCheckin();
    const link = answerLink(world, 3);
    world.clock.set('2026-03-16T23:30:00.000Z'); // a week and more after the Sunday 19:00 check-in
    let error: unknown;
    try {
      await answerByEmail(world.deps, link.token, link.score);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ status: 409, code: 'question_closed', field: 'token' });
    expect((error as Error).message).toMatch(/^This question closed on Sunday, March 15, so answers/);
    expect(world.store.replies).toHaveLength(0);
  });

  it('says a question closed when its link is opened, before an answer is picked or a note written', async () => {
    const { world } = await withCheckin();
    const link = answerLink(world, 3);
    world.clock.set('2026-03-16T23:30:00.000Z');
    await expect(viewEmailAnswer(world.deps, link.token, link.score)).rejects.toMatchObject({
      code: 'question_closed',
      message: expect.stringMatching(
        /^This question closed on Sunday, March 15,.*Each email's buttons answer only its own question: answer the newest one from its email, or wait for the next\.$/,
      ),
    });
  });

  it('promises no next question once the 90 days are over', async () => {
    const { world, id } = await withCheckin({ language: 'es' });
    const link = answerLink(world, 3);
    world.clock.set('2026-03-16T23:30:00.000Z');
    await updateEnrollment(world.deps, id, (e) => {
      e.status = 'completed';
    });
    const error = await viewEmailAnswer(world.deps, link.token, link.score).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/Tus 90 días terminaron, así que no llegarán más preguntas\.$/);
    expect((error as Error).message).not.toContain('como siempre');
  });

  it('refuses a late click in Spanish to someone enrolled in Spanish', async () => {
    const { world } = await withCheckin({ language: 'es' });
    const link = answerLink(world, 3);
    world.clock.set('2026-03-16T23:30:00.000Z');
    const error = await answerByEmail(world.deps, link.token, link.score).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/^Esta pregunta se cerró el domingo, 15 de marzo/);
    // Its page is all Spanish, title, footer and crisis lines too, whatever the browser asks for.
    const page = errorResponse(error, false, 'en');
    expect(page.statusCode).toBe(409);
    expect(page.body).toContain('<html lang="es"');
    expect(page.body).toContain('Esto no funcionó');
    expect(page.body).not.toContain('This did not work');
  });

  it('refuses a late click the same way once the program has moved on to later weeks', async () => {
    const { world } = await withCheckin();
    const link = answerLink(world, 3);
    await runUntil(world, '2026-03-17T12:00:00.000Z');
    await expect(answerByEmail(world.deps, link.token, link.score)).rejects.toMatchObject({
      code: 'question_closed',
      message: expect.stringMatching(/^This question closed on Sunday, March 15,/),
    });
    expect(world.store.replies).toHaveLength(0);
  });

  it('still counts a click within the week even after the next messages went out', async () => {
    const { world } = await withCheckin();
    const link = answerLink(world, 4);
    await runUntil(world, '2026-03-14T12:00:00.000Z');
    expect((await answerByEmail(world.deps, link.token, link.score)).score).toBe(4);
  });

  it('refuses a link for a question never sent to this person', async () => {
    const { world, id } = await withCheckin();
    const token = world.deps.tokens.sign('checkin', id, 'hurt-safety#40');
    await expect(answerByEmail(world.deps, token, '3')).rejects.toMatchObject({
      status: 404,
      message: 'This check-in was not sent to you.',
    });
    expect(world.store.replies).toHaveLength(0);
  });

  it('refuses a link whose enrollment was erased', async () => {
    const { world, id } = await withCheckin();
    const link = answerLink(world, 3);
    await deleteData(world.deps, world.deps.tokens.sign('privacy', id));
    await expect(answerByEmail(world.deps, link.token, link.score)).rejects.toMatchObject({
      status: 404,
      message: 'This enrollment no longer exists.',
    });
  });

  it('refuses a bad score before looking anything up, and stores nothing', async () => {
    const { world } = await withCheckin();
    const { token } = answerLink(world, 3);
    await expect(answerByEmail(world.deps, token, '7')).rejects.toMatchObject({ code: 'invalid_score' });
    await expect(answerByEmail(world.deps, token, '3', 'x'.repeat(1001))).rejects.toMatchObject({
      code: 'note_too_long',
    });
    expect(world.store.replies).toHaveLength(0);
  });
});

describe('a note that shows signs of danger', () => {
  it('keeps the answer but not the note, pauses, flags, alerts, and shows the crisis lines', async () => {
    const { world, id } = await withCheckin({ phone: '+14155550100', smsConsent: true });
    const link = answerLink(world, 2);
    const recorded = await answerByEmail(world.deps, link.token, link.score, 'he hit me again last night');
    expect(recorded.note).toBe('withheld');
    expect(recorded.safety).toMatchObject({ level: 'danger', language: 'en', paused: true });
    const html = recorded.safety?.sectionsHtml.join('\n') ?? '';
    expect(html).toContain('[en] Thank you.');
    expect(html).toContain('[en] Call 911 or 988.');
    expect(world.store.replies.at(-1)?.score).toBe(2);
    expect(JSON.stringify(world.store.replies)).not.toContain('hit me');
    const e = await world.store.getEnrollment(id);
    expect(e?.flagReason).toBe('abuse');
    expect(e?.safetyPause).toBe(true);
    expect(JSON.stringify(e)).not.toContain('hit me');
    expect(world.alerts).toEqual([{ enrollmentId: id, category: 'abuse' }]);
  });

  it('answers in the language the note was written in', async () => {
    const { world } = await withCheckin();
    const link = answerLink(world, 1);
    const recorded = await answerByEmail(
      world.deps,
      link.token,
      link.score,
      'me quiero morir, ya no puedo más',
    );
    expect(recorded.safety).toMatchObject({ level: 'danger', language: 'es' });
    expect(recorded.safety?.sectionsHtml.join('\n')).toContain('[es] Thank you.');
  });

  it('gives the emergency number of where the person lives, whatever their phone', async () => {
    const inLondon = await withCheckin({
      timezone: 'Europe/London',
      phone: '+447400123456',
      smsConsent: true,
    });
    let link = answerLink(inLondon.world, 2);
    let recorded = await answerByEmail(inLondon.world.deps, link.token, link.score, 'i want to kill myself');
    let html = recorded.safety?.sectionsHtml.join('\n') ?? '';
    // The UK's own crisis line (the Samaritans) beside 999, to tap.
    expect(html).toContain('[en] Call 999 or 116 123 (tel:116123).');
    expect(html).not.toContain('{{');
    // A Spanish number, living in Bogotá: Colombia's 123, not Spain's 112.
    const inBogota = await withCheckin({
      timezone: 'America/Bogota',
      phone: '+34612345678',
      smsConsent: true,
    });
    link = answerLink(inBogota.world, 2);
    recorded = await answerByEmail(inBogota.world.deps, link.token, link.score, 'i want to kill myself');
    html = recorded.safety?.sectionsHtml.join('\n') ?? '';
    expect(html).toContain('[en] Call 123 or 155 (tel:155).');
    expect(html).not.toContain('112');
  });
});

describe('a note that shows concern, not danger', () => {
  it('keeps the note, does not pause, and still shows where help is', async () => {
    const { world, id } = await withCheckin();
    const link = answerLink(world, 2);
    const recorded = await answerByEmail(
      world.deps,
      link.token,
      link.score,
      'I feel hopeless most days lately',
    );
    expect(recorded.safety).toMatchObject({ level: 'concern', paused: false });
    expect(recorded.note).toBe('kept');
    expect(world.store.replies.at(-1)?.note).toBe('I feel hopeless most days lately');
    const e = await world.store.getEnrollment(id);
    expect(e?.safetyPause).toBeUndefined();
    expect(world.alerts).toHaveLength(0);
    expect(recorded.safety?.sectionsHtml.length).toBeGreaterThan(1);
  });
});
