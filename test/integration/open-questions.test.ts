import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckpointReport } from '../../functions/program/report';
import { firstDay, instantOf } from '../../functions/program/schedule';
import { WEEKDAYS, type Weekday } from '../../functions/program/types';
import type { Runtime } from '../../local/runtime';
import { advance, advanceTo, enrollParticipant, type Participant, text } from '../support/participant';
import { api, emailsTo, type LocalEmail, pathOf, startTestRuntime } from '../support/runtime';
import { postInbound } from '../support/webhooks';

// Tried as people answer: late, several at once, the next morning, by text and by one click.
const ZONE = 'America/Chicago';
const START = '2027-01-04T15:00:00Z'; // Monday 09:00 in Chicago: day 0 is Tuesday 5 January
const DAY0 = firstDay(new Date(START), ZONE);
/** The instant of a local time on a program day. */
const on = (day: number, time: string) => instantOf(DAY0, day, time, ZONE);
/** The check-in weekday that puts a weekly check-in on this program day. */
const weekdayOf = (day: number): Weekday =>
  WEEKDAYS[DateTime.fromISO(DAY0).plus({ days: day }).weekday - 1] as Weekday;

const repliesOf = async (runtime: Runtime, who: Participant) =>
  (await runtime.deps.store.listReplies(who.id)).filter((r) => r.score !== undefined);

async function reportOf(
  runtime: Runtime,
  who: Participant,
): Promise<{ json: CheckpointReport; link: string }> {
  const email = (await emailsTo(runtime, who.email)).find((e) => e.text?.includes('/report?'));
  const url = email?.text?.match(/https?:\/\/\S+\/report\?\S+/)?.[0];
  if (!url) throw new Error(`no report email for ${who.email}`);
  const link = pathOf(url);
  const response = await api(runtime, link, { headers: { accept: 'application/json' } });
  expect(response.status).toBe(200);
  return { json: response.body as CheckpointReport, link };
}

/** The one-click link of a check-in email for an answer (score 1 = yes, 0 = no). */
function clickLink(email: LocalEmail | undefined, score: number): string {
  const url = email?.text?.match(new RegExp(`https?://\\S+/checkin\\?\\S*score=${score}\\b\\S*`))?.[0];
  if (!url) throw new Error(`no score=${score} link in "${email?.subject}"`);
  return pathOf(url);
}

describe('open questions: every reply reaches the question it answers, through the HTTP API', () => {
  let runtime: Runtime;
  /** Answers the day-30 questions one text at a time at 7 pm, and the final question the next morning. */
  let ana: Participant;
  /** Answers everything in one text at a time; a weekly rating after the report is made. */
  let dev: Participant;
  /** A weekly check-in on day 59, then a rating while the day-60 yes/no questions are open. */
  let bea: Participant;
  /** No phone: answers by one click in the emails. */
  let cam: Participant;
  /** Rates how safe it felt to be honest a 1. */
  let eli: Participant;
  /** Answers her first weekly check-in the next morning, then corrects it. */
  let fay: Participant;
  /** In Spanish: unsure of day-30 question 2, then of her weekly check-in. */
  let gia: Participant;
  /** Texts "Y Y N" on day 60 with his weekly check-in still open. */
  let hal: Participant;
  /** In Spanish: "3 4" for week 1 (asked again; she lets it go), then weeks 1 and 2 in one text, "3 y 4". */
  let ivy: Participant;

  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: new Date(START) });
    // Ana's weekly check-in would fall on day 91: she has none in the checkpoint days.
    ana = await enrollParticipant(runtime, { timezone: ZONE, checkinDay: weekdayOf(91) });
    dev = await enrollParticipant(runtime, { timezone: ZONE, checkinDay: weekdayOf(90) });
    bea = await enrollParticipant(runtime, { timezone: ZONE, checkinDay: weekdayOf(59) });
    cam = await enrollParticipant(runtime, { timezone: ZONE, phone: false });
    eli = await enrollParticipant(runtime, { timezone: ZONE, checkinDay: weekdayOf(29) });
    fay = await enrollParticipant(runtime, { timezone: ZONE, checkinDay: weekdayOf(7) });
    // Gia's weekly check-in of day 28 is still open on day 30; Hal's of day 59 on day 60.
    gia = await enrollParticipant(runtime, { timezone: ZONE, checkinDay: weekdayOf(28), language: 'es' });
    hal = await enrollParticipant(runtime, { timezone: ZONE, checkinDay: weekdayOf(59) });
    ivy = await enrollParticipant(runtime, { timezone: ZONE, checkinDay: weekdayOf(7), language: 'es' });
    expect((await runtime.deps.store.getEnrollment(ana.id))?.day0).toBe(DAY0);
  });
  afterAll(async () => {
    await runtime?.twilio.idle();
    await runtime?.stop();
  });

  it('a check-in answered the next morning can be corrected by text: "sorry meant 4", "perdón, 2", or the number alone', async () => {
    await advanceTo(runtime, on(8, '08:30'));
    expect(await text(runtime, fay, '3')).toMatch(/^3 of 5 noted/);
    expect(await text(runtime, fay, 'sorry meant 4')).toBe(
      'Kintsugi: you changed week 1 check-in from 3 of 5 to 4 of 5. Only you see your answers.',
    );
    expect(await text(runtime, fay, 'perdón, quise decir dos')).toMatch(
      /changed week 1 check-in from 4 of 5 to 2 of 5/,
    );
    expect(await text(runtime, fay, '2')).toMatch(/noted week 1 check-in: 2 of 5/);
    // Words with a number that do not say they correct anything stay a note.
    expect(await text(runtime, fay, '5 stars to my sister for the dinner')).toMatch(/private note/);
    const scores = (await repliesOf(runtime, fay)).sort((a, b) => a.at.localeCompare(b.at));
    expect(scores.at(-1)?.score).toBe(2);
  });

  it('"3 4" for week 1 alone is a choice, not two answers: asked again, nothing recorded', async () => {
    await advanceTo(runtime, on(8, '09:00'));
    expect(await text(runtime, ivy, '3 4')).toMatch(/no entendió esa respuesta/);
    expect(await repliesOf(runtime, ivy)).toEqual([]);
  });

  it('catching up in Spanish: "3 y 4" the morning after week 2 is asked records 4 for week 2, not 3, and no yes', async () => {
    await advanceTo(runtime, on(15, '08:30'));
    const answer = await text(runtime, ivy, '3 y 4');
    expect(answer).toMatch(/semana 2/i);
    expect(answer).toMatch(/4 de 5/);
    expect(answer).not.toMatch(/3 de 5/);
    expect(answer).toMatch(/Para un check-in ya cerrado, sin guardar: 1\./);
    const scores = await repliesOf(runtime, ivy);
    expect(scores.map((r) => [r.day, r.score])).toEqual([[14, 4]]);
  });

  it('day 30: three answers sent one after another at 7 pm land on questions 1, 2 and 3', async () => {
    await advanceTo(runtime, on(30, '19:00'));
    const first = await text(runtime, ana, 'Y');
    expect(first).toMatch(/day 30 question 1: yes/);
    // Her week-4 check-in (a rating) is still open too, and is named with them.
    expect(first).toMatch(/Still open: .*day 30 question 2 \(Y\/N\), day 30 question 3 \(Y\/N\)/);
    expect(await text(runtime, ana, 'N')).toMatch(/day 30 question 2: no\. Still open: .*day 30 question 3/);
    const last = await text(runtime, ana, 'y');
    expect(last).toMatch(/day 30 question 3: yes/);
    expect(last).not.toMatch(/day 30 question \d \(/);
    const answers = await repliesOf(runtime, ana);
    expect(answers.map((r) => [r.stepId, r.score])).toEqual([
      ['hurt-d30-acting-differently', 1],
      ['hurt-d30-safe-to-be-honest', 0],
      ['hurt-d30-both-showing-up', 1],
    ]);
    // A rating still has a question to go to: her week-4 check-in.
    expect(await text(runtime, ana, '3')).toMatch(/^3 of 5 noted/);
    // Nothing else is open now: a further text is a private note, and says so.
    expect(await text(runtime, ana, 'we had a good talk tonight')).toMatch(/no check-in is open/);
  });

  it('day 30: "Y N Y" in one text answers the three questions in order, once however often Twilio delivers it', async () => {
    const webhook = { from: dev.phone as string, body: 'Y N Y', sid: `SM${'7'.repeat(32)}` };
    const deliveries = await Promise.all([postInbound(runtime, webhook), postInbound(runtime, webhook)]);
    deliveries.push(await postInbound(runtime, webhook));
    expect(deliveries.map((d) => d.status)).toEqual([200, 200, 200]);
    const answered = deliveries.filter((d) => d.twiml.includes('<Message>'));
    expect(answered).toHaveLength(1);
    expect(answered[0]?.twiml).toMatch(
      /day 30 question 1: yes, day 30 question 2: no, day 30 question 3: yes/,
    );
    expect((await repliesOf(runtime, dev)).map((r) => [r.stepId, r.score])).toEqual([
      ['hurt-d30-acting-differently', 1],
      ['hurt-d30-safe-to-be-honest', 0],
      ['hurt-d30-both-showing-up', 1],
    ]);
  });

  it('day 30: "no sé" to question 2 is kept with it and named; the next "sí" goes to question 3, a later "no" to question 2', async () => {
    expect(await text(runtime, gia, 'si')).toMatch(/pregunta 1 del día 30: sí/);
    const doubt = await text(runtime, gia, 'no sé');
    expect(doubt).toMatch(
      /no saber también vale\. Lo guardamos como nota privada \(pregunta 2 del día 30\)\. Pendiente: .*pregunta 3 del día 30 \(S\/N\)/,
    );
    expect(await text(runtime, gia, 'si')).toMatch(/pregunta 3 del día 30: sí/);
    expect(await text(runtime, gia, 'no')).toMatch(/pregunta 2 del día 30: no/);
    // Notes too: the doubt is kept beside question 2.
    const day30 = (await runtime.deps.store.listReplies(gia.id))
      .filter((r) => r.day === 30)
      .sort((a, b) => a.at.localeCompare(b.at));
    expect(day30.map((r) => [r.stepId, r.score ?? r.note])).toEqual([
      ['hurt-d30-acting-differently', 1],
      ['hurt-d30-safe-to-be-honest', 'no sé'],
      ['hurt-d30-both-showing-up', 1],
      ['hurt-d30-safe-to-be-honest', 0],
    ]);
  });

  it('a doubt on a 1–5 check-in is answered kindly, named and kept beside it, not "couldn\'t read that"', async () => {
    const doubt = await text(runtime, gia, 'no sé, la verdad');
    expect(doubt).toMatch(/no saber también vale.*\(check-in de la semana 4\)\. Sigue abierta/);
    expect(doubt).not.toMatch(/no entendió/);
    expect(await text(runtime, gia, '3')).toMatch(/check-in de la semana 4: 3 de 5|3 de 5/);
  });

  it('a 1 on how safe it felt to be honest is recorded and answered with resources, and the operator sees it', async () => {
    const reply = await text(runtime, eli, '1');
    expect(reply).toMatch(/week 5 check-in: 1 of 5/);
    expect(reply).toMatch(/988/);
    expect(await repliesOf(runtime, eli)).toEqual([
      expect.objectContaining({ day: 29, score: 1, metric: 'honesty-safety' }),
    ]);
    const enrollment = await runtime.deps.store.getEnrollment(eli.id);
    expect(enrollment?.concernAt).toBeDefined();
    expect(enrollment?.flaggedAt).toBeUndefined();
    expect(enrollment?.pausedUntil).toBeUndefined();
  });

  it('a one-click answer the next morning counts; after its 48 hours, the click is refused and says so', async () => {
    await advanceTo(runtime, on(31, '08:00'));
    const day30 = (await emailsTo(runtime, cam.email))
      .filter((e) => e.text?.includes('/checkin?') && e.at >= on(30, '00:00'))
      .sort((a, b) => a.at.localeCompare(b.at));
    expect(day30).toHaveLength(3);
    const clicked = await api(runtime, clickLink(day30[1], 0), {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(clicked.status).toBe(200);
    expect(await repliesOf(runtime, cam)).toEqual([
      expect.objectContaining({ day: 30, score: 0, metric: 'safe-to-be-honest', channel: 'email' }),
    ]);
    await advanceTo(runtime, on(32, '19:00'));
    const late = await api(runtime, clickLink(day30[2], 1), {
      method: 'POST',
      headers: { accept: 'application/json' },
    });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'question_closed' });
    expect(late.body.error.message).toMatch(/closed on/);
    expect(await repliesOf(runtime, cam)).toHaveLength(1);
  });

  it('day 60: a weekly rating sent while the yes/no questions are open reaches the weekly check-in', async () => {
    await advanceTo(runtime, on(59, '19:30'));
    await advanceTo(runtime, on(60, '16:00'));
    const reply = await text(runtime, bea, '4');
    expect(reply).toMatch(/week 9 check-in: 4 of 5/);
    expect(reply).toMatch(/Still open: day 60 question 1 \(Y\/N\), day 60 question 2 \(Y\/N\)/);
    await advanceTo(runtime, on(60, '18:30'));
    expect(await text(runtime, bea, 'yes, yes, no')).toMatch(/day 60 question 3: no/);
    const answers = await repliesOf(runtime, bea);
    expect(answers.find((r) => r.score === 4)).toMatchObject({ day: 59, metric: 'honesty-safety' });
    expect(answers.filter((r) => r.day === 60).map((r) => r.score)).toEqual([1, 1, 0]);
    await advanceTo(runtime, on(60, '19:00'));
    expect(await text(runtime, ana, 'yes no yes')).toMatch(/day 60 question 1: yes, day 60 question 2: no/);
    // "Y Y N" with a weekly rating still open: three answers, not "not sure".
    const yyn = await text(runtime, hal, 'Y Y N');
    expect(yyn).toMatch(/day 60 question 1: yes, day 60 question 2: yes, day 60 question 3: no/);
    expect(yyn).toMatch(/Still open: week 9 check-in \(1-5\)/);
  });

  it('day 60: one email reply with "y, n, y" answers the three questions emailed that day', async () => {
    const emailed = await api(runtime, '/_local/email/reply', {
      json: { from: cam.email, subject: 'Re: A quick question', text: 'y, n, y\n\nSent from my phone' },
    });
    expect(emailed.body).toMatchObject({ outcome: 'recorded', answers: 3, day: 60, score: 1 });
    const day60 = (await repliesOf(runtime, cam)).filter((r) => r.day === 60);
    expect(day60.map((r) => [r.metric, r.score, r.channel])).toEqual([
      ['behaving-differently', 1, 'email'],
      ['safe-to-be-honest', 0, 'email'],
      ['both-showing-up', 1, 'email'],
    ]);
    // The reply is answered by email with what became of it, as a text reply would be.
    const answer = (await emailsTo(runtime, cam.email)).at(-1);
    expect(answer?.subject).toBe('We got your reply');
    expect(answer?.text).toMatch(
      /^Kintsugi noted day 60 question 1: yes, day 60 question 2: no, day 60 question 3: yes\./,
    );
    expect(answer?.text).toContain('Reply again with the new one: the last one counts.');
  });

  it('days 88–90: the report waits for the final question answered the next morning, and shows every answer', async () => {
    await advanceTo(runtime, on(88, '18:30'));
    expect(await text(runtime, ana, '4')).toMatch(/checkpoint question 1: 4 of 5/);
    expect(await text(runtime, dev, '3')).toMatch(/checkpoint question 1: 3 of 5/);
    await advanceTo(runtime, on(89, '18:30'));
    expect(await text(runtime, ana, '5')).toMatch(/checkpoint question 2: 5 of 5/);
    expect(await text(runtime, dev, '4')).toMatch(/checkpoint question 2: 4 of 5/);
    await advanceTo(runtime, on(90, '10:00'));
    expect(await text(runtime, dev, 'no')).toMatch(/checkpoint question 3: no/);
    // 20:30 on day 90: Dev's report goes; Ana's waits for her last answer.
    await advanceTo(runtime, on(90, '20:45'));
    expect((await emailsTo(runtime, dev.email)).some((e) => e.text?.includes('/report?'))).toBe(true);
    expect((await emailsTo(runtime, ana.email)).some((e) => e.text?.includes('/report?'))).toBe(false);

    await advanceTo(runtime, on(91, '08:30'));
    expect(await text(runtime, ana, 'Yes')).toMatch(/checkpoint question 3: yes/);
    await advance(runtime, 'PT10M');
    const { json, link } = await reportOf(runtime, ana);
    expect(json.checkpoint.map((c) => c.answer)).toEqual([4, 5, 1]);
    expect(json.quickChecks?.map((q) => q.answers.map((a) => a.answer))).toEqual([
      [1, 0, 1],
      [1, 0, 1],
    ]);
    const page = await api(runtime, link);
    expect(page.text).not.toMatch(/No answer/);
  });

  it('a weekly answer within its window after the report was made updates the report, marked late', async () => {
    const before = await reportOf(runtime, dev);
    expect(before.json.checkpoint.map((c) => c.answer)).toEqual([3, 4, 0]);
    const week13 = before.json.metrics.find((m) => m.metric === 'honesty-safety')?.weekly[12];
    expect(week13).toMatchObject({ week: 13, score: null, asked: true });
    // Dev's week-13 check-in went out at 19:00 on day 90; she answers it the next day.
    await advanceTo(runtime, on(91, '12:00'));
    expect(await text(runtime, dev, '2')).toMatch(/^2 of 5 noted/);
    const after = await reportOf(runtime, dev);
    expect(after.json.metrics.find((m) => m.metric === 'honesty-safety')?.weekly[12]).toMatchObject({
      week: 13,
      score: 2,
      late: true,
    });
    expect(after.json.generatedAt).toBe(before.json.generatedAt);
    expect(after.json.updatedAt).toBeDefined();
    const page = await api(runtime, after.link);
    expect(page.text).toMatch(/arrived after this report was first made/);
  });
});
