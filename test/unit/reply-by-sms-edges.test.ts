/**
 * Texts at the edges of what the keywords mean: YES when the open question is a rating, START from
 * someone whose texts are on, a first text from a number the carrier had stopped delivering to.
 */
import { describe, expect, it } from 'vitest';
import { compiledCatalog } from '../../functions/catalog/compiled';
import { replyBySms } from '../../functions/use-cases/replies/reply-by-sms';
import { systemTexts } from '../../functions/use-cases/services/compose';
import { updateEnrollment } from '../../functions/use-cases/services/update-enrollment';
import { compileCatalog } from '../../scripts/build';
import { type FakeWorld, fakeWorld, testCatalog } from '../support/fake-deps';
import { confirmedParticipant, runUntil } from '../support/fake-program';

const PHONE = '+14155550100';
const texts = testCatalog.messages.sms;
let sids = 0;
const sms = (world: FakeWorld, body: string) =>
  replyBySms(world.deps, { from: PHONE, body, messageSid: `SMedge${++sids}` });

const texting = (world: FakeWorld) =>
  confirmedParticipant(world, { phone: PHONE, smsConsent: true }, { textYes: true });

describe('YES', () => {
  it('days into the program, with only a 1–5 check-in open, is told what the question takes, not "you are in"', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await texting(world);
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    const answer = await sms(world, 'yes');
    expect(answer).not.toBe(texts.optInConfirmed);
    expect(answer).toBe(
      testCatalog.messages.answers.doesNotFit.replace('{{questions}}', 'week 1 check-in (1-5)'),
    );
    expect(world.store.replies.filter((r) => r.score !== undefined)).toHaveLength(0);
    expect(await sms(world, '3')).toBe('3 of 5 noted.');
  });

  it('right after the opt-in, a second YES is still the opt-in word', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await texting(world);
    expect(await sms(world, 'YES')).toBe(texts.optInConfirmed);
  });

  it('a doubt at the final checkpoint is kept beside it with the question left open, and a no however written is a no', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await texting(world);
    await runUntil(world, '2026-05-31T22:30:00.000Z');
    // (Nothing was answered on the way, so the check-ins had moved to email: this person reads texts.)
    await updateEnrollment(world.deps, id, (e) => {
      delete e.checkinsByEmail;
    });
    // It names the question it kept the doubt with, and what else is open.
    expect(await sms(world, 'no sé')).toBe(
      'Not sure is an answer too; kept as a note with checkpoint question 1. Still open: week 12 check-in (1-5).',
    );
    expect(world.store.replies).toHaveLength(1);
    expect(world.store.replies[0]).toMatchObject({ stepId: 'both-willing', note: 'no sé' });
    expect(world.store.replies[0]?.score).toBeUndefined();
    // Still open: the answer that comes later is recorded.
    await sms(world, 'ya no quiero seguir');
    expect(world.store.replies.at(-1)).toMatchObject({ stepId: 'both-willing', score: 0 });
  });

  it('while the yes-or-no checkpoint is open answers it', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await texting(world);
    await runUntil(world, '2026-05-31T22:30:00.000Z');
    await sms(world, 'yes');
    expect(world.store.replies.at(-1)).toMatchObject({ stepId: 'both-willing', score: 1 });
  });
});

describe('a correction it cannot read', () => {
  it('with the answer still open to change, is asked again, not told that nothing is open', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await texting(world);
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    expect(await sms(world, '3')).toBe('3 of 5 noted.');
    const answer = await sms(world, 'sorry meant 4 for this week. 3 was for last week');
    expect(answer).toBe(testCatalog.messages.sms.ratingUnclear);
    expect(answer).not.toBe(testCatalog.messages.sms.noteKept);
    // The number alone then changes it.
    await sms(world, '4');
    expect(world.store.replies.filter((r) => r.score !== undefined).at(-1)).toMatchObject({ score: 4 });
  });
});

describe('a correction while a yes-or-no question waits', () => {
  it('"sorry meant 3" changes the last rating, not told it does not fit the yes-or-no question', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await texting(world);
    await runUntil(world, '2026-05-24T23:30:00.000Z');
    await updateEnrollment(world.deps, id, (e) => {
      delete e.checkinsByEmail;
    });
    expect(await sms(world, '5!!')).toBe('5 of 5 noted.');
    await runUntil(world, '2026-05-31T22:30:00.000Z');
    const answer = await sms(world, 'sorry meant 3');
    expect(answer).not.toContain("doesn't fit");
    const ratings = world.store.replies.filter((r) => r.stepId === 'hurt-safety');
    expect(ratings.at(-1)).toMatchObject({ score: 3 });
    // The yes-or-no question is still waiting for its own answer.
    await sms(world, 'yes');
    expect(world.store.replies.at(-1)).toMatchObject({ stepId: 'both-willing', score: 1 });
  });

  it('a bare number still is told what the waiting question takes', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await texting(world);
    await runUntil(world, '2026-05-24T23:30:00.000Z');
    await updateEnrollment(world.deps, id, (e) => {
      delete e.checkinsByEmail;
    });
    await sms(world, '5');
    await runUntil(world, '2026-05-31T22:30:00.000Z');
    await sms(world, '3');
    expect(world.store.replies.filter((r) => r.stepId === 'hurt-safety').at(-1)).toMatchObject({ score: 5 });
  });
});

describe('START', () => {
  it('from someone whose texts are on says they are on, and changes nothing', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await texting(world);
    expect(await sms(world, 'START')).toBe(texts.startConfirmed);
    expect((await world.store.getEnrollment(id))?.smsStatus).toBe('active');
  });
});

describe('a text from a number marked unreachable after carrier failures', () => {
  it('makes it reachable again, and is handled as usual', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await texting(world);
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    await updateEnrollment(world.deps, id, (e) => {
      e.smsStatus = 'unreachable';
      e.smsFailures = 3;
    });
    expect(await sms(world, '4')).toBe(`4 of 5 noted. ${texts.textsBackAfterAnswer}`);
    const e = await world.store.getEnrollment(id);
    expect(e?.smsStatus).toBe('active');
    expect(e?.smsFailures).toBe(0);
  });
});

describe('the first text after check-ins moved to email ("text anything to get them by text again")', () => {
  const movedToEmail = async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await texting(world);
    await runUntil(world, '2026-03-09T12:00:00.000Z'); // a check-in is open
    await updateEnrollment(world.deps, id, (e) => {
      e.checkinsByEmail = true;
      e.unansweredSms = 3;
    });
    return { world, id };
  };

  it('that answers nothing says texts are back, is kept as a note, and is not read as a failed answer', async () => {
    const { world, id } = await movedToEmail();
    const answer = await sms(world, 'hola de nuevo');
    expect(answer).toBe(texts.textsBack);
    expect(answer).not.toBe(texts.ratingUnclear);
    const e = await world.store.getEnrollment(id);
    expect(e?.checkinsByEmail).toBeUndefined();
    expect(e?.unansweredSms).toBe(0);
    expect(world.store.replies.at(-1)).toMatchObject({ note: 'hola de nuevo' });
    // Texts are back: the open check-in still takes its answer, and nothing more is said about the move.
    expect(await sms(world, '3')).toBe('3 of 5 noted.');
  });

  it('that answers the open check-in records it and says texts are back', async () => {
    const { world, id } = await movedToEmail();
    expect(await sms(world, 'sorry, been away. 4')).toBe(`4 of 5 noted. ${texts.textsBackAfterAnswer}`);
    expect(world.store.replies.at(-1)).toMatchObject({ score: 4 });
    expect((await world.store.getEnrollment(id))?.checkinsByEmail).toBeUndefined();
  });

  it('STOP stops texts and says only that', async () => {
    const { world, id } = await movedToEmail();
    expect(await sms(world, 'STOP')).toBe(texts.stopConfirmed);
    expect((await world.store.getEnrollment(id))?.smsStatus).toBe('stopped');
  });
});

describe('START after the 90 days', () => {
  it('says the program is over instead of "welcome back", and texts are on again all the same', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    const id = await texting(world);
    expect(await sms(world, 'STOP')).toBe(texts.stopConfirmed);
    await updateEnrollment(world.deps, id, (e) => {
      e.status = 'completed';
    });
    expect(await sms(world, 'START')).toBe(texts.programOver);
    expect((await world.store.getEnrollment(id))?.smsStatus).toBe('active');
  });

  it('while the program runs, START is still "welcome back"', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    await texting(world);
    await sms(world, 'STOP');
    expect(await sms(world, 'START')).toBe(texts.startConfirmed);
  });
});

describe('a number no program knows', () => {
  it('gets its answer in the language it wrote in, or that of its country: nothing goes to it, nothing is kept', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    world.deps.catalog = compiledCatalog;
    const helpIn = (language: 'en' | 'es') =>
      systemTexts(world.deps, { language, discreet: true }).notHeld.replace(
        '{{supportEmail}}',
        world.deps.config.supportEmail,
      );
    expect(helpIn('en')).toMatch(/^K\. Program: no texts from us go to this number/);
    expect(helpIn('es')).not.toBe(helpIn('en'));
    const spanish = await replyBySms(world.deps, {
      from: '+13055550182',
      body: 'Hola, quiero recibir las preguntas por mensaje. Soy Lucía',
      messageSid: 'SMunknown-es',
    });
    expect(spanish).toBe(helpIn('es'));
    const english = await replyBySms(world.deps, {
      from: '+13055550182',
      body: 'hi, I would like the questions by text please',
      messageSid: 'SMunknown-en',
    });
    expect(english).toBe(helpIn('en'));
    // A bare answer says nothing of its language: a Colombian number is answered in Spanish, a UK one in English.
    const bare = (from: string) => replyBySms(world.deps, { from, body: '3', messageSid: `SMbare${from}` });
    expect(await bare('+573001234567')).toBe(helpIn('es'));
    expect(await bare('+447911123456')).toBe(helpIn('en'));
    expect(world.store.replies).toHaveLength(0);
  });
});

describe('a 1 on feeling safe, with no words to tell the language', () => {
  it('gets the lines in the language of the program', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    world.deps.catalog = await compileCatalog();
    await confirmedParticipant(world, { phone: PHONE, smsConsent: true, language: 'es' }, { textYes: true });
    await runUntil(world, '2026-03-09T12:00:00.000Z');
    const answer = await sms(world, '1');
    expect(answer).toContain('Anotado: 1 de 5');
    expect(answer).toContain('Nadie lee las respuestas en el momento');
    expect(answer).not.toContain('Nobody reads');
  });
});

describe('AYUDA alone', () => {
  it('gets the help text and then the lines in full, naming each number once', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    world.deps.catalog = await compileCatalog();
    const spain = '+34612345678';
    await confirmedParticipant(
      world,
      { phone: spain, smsConsent: true, language: 'es', timezone: 'Europe/Madrid' },
      { textYes: true },
    );
    const answer =
      (await replyBySms(world.deps, { from: spain, body: 'AYUDA', messageSid: 'SMayuda' })) ?? '';
    expect(answer).toContain('STOP para salir');
    expect(answer).toContain('Nadie lee las respuestas en el momento');
    expect(answer.match(/112/g)).toHaveLength(1);
    expect(answer).toContain('016');
    expect(answer).not.toContain('Crisis:');
    // HELP keeps its own crisis clause: no lines follow it.
    expect(await replyBySms(world.deps, { from: spain, body: 'HELP', messageSid: 'SMhelp-es' })).toContain(
      'Crisis: llama al 024.',
    );
  });
});

describe('HELP from outside the US and Canada', () => {
  it('names the crisis line of the country the number is in where it has one, else its emergency number, not 988', async () => {
    const world = fakeWorld('2026-03-02T15:00:00.000Z');
    world.deps.catalog = await compileCatalog();
    const help = (from: string) =>
      replyBySms(world.deps, { from, body: 'HELP', messageSid: `SMhelp${from}` });
    const uk = await help('+447400123456');
    expect(uk).toContain('Crisis: 116 123.');
    expect(uk).not.toContain('988');
    expect(await help('+393471234567')).toContain('Crisis: 112.');
    expect(await help('+525512345678')).toContain('Crisis: 800 911 2000.');
    expect(await help('+14155550199')).toContain('Crisis: 988.');
  });
});
