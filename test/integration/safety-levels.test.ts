import { SegmentedMessage } from 'sms-segments-calculator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relationshipWordsIn } from '../../functions/program/discreet';
import type { ParticipantList } from '../../functions/use-cases/operator/views';
import type { Runtime } from '../../local/runtime';
import { enrollParticipant, text } from '../support/participant';
import {
  api,
  emailsTo,
  linkIn,
  pathOf,
  startTestRuntime,
  uniqueEmail,
  uniquePhone,
} from '../support/runtime';

const ZONE = 'America/New_York';
const START = new Date('2026-06-01T14:00:00Z');

const safetyAlerts = async (runtime: Runtime) =>
  (await api(runtime, '/_local/safety', { headers: { accept: 'application/json' } })).body as {
    enrollmentId: string | null;
    category: string;
  }[];

/** Texts from any number, enrolled or not, through the local Twilio webhook stand-in. */
const textFrom = async (runtime: Runtime, from: string, body: string): Promise<string | null> => {
  const response = await api(runtime, '/_local/sms/reply', { json: { from, body } });
  expect(response.status).toBe(200);
  return response.body.reply;
};

describe('the two levels of answer, through the webhook', () => {
  let runtime: Runtime;
  beforeAll(async () => {
    runtime = await startTestRuntime({ startAt: START });
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  it('answers signs of concern with the resources, pauses nothing, pages nobody, and shows the operator', async () => {
    const ana = await enrollParticipant(runtime, { timezone: ZONE });
    const alertsBefore = (await safetyAlerts(runtime)).length;
    const reply = await text(runtime, ana, "honestly I'm not safe");
    for (const line of ['Nobody reads replies live', '911', '988', '1-800-799-7233'])
      expect(reply).toContain(line);
    const enrollment = await runtime.deps.store.getEnrollment(ana.id);
    expect(enrollment?.pausedUntil).toBeUndefined();
    expect(enrollment?.safetyPause).toBeUndefined();
    expect(enrollment?.flaggedAt).toBeUndefined();
    expect(await safetyAlerts(runtime)).toHaveLength(alertsBefore);
    const listed = (await api(runtime, '/_local/admin/list', { json: { flagged: true } }))
      .body as ParticipantList;
    const shown = listed.participants.find((p) => p.id === ana.id);
    expect(shown?.concern).toMatchObject({ reason: expect.any(String), waiting: true });
    expect(shown?.flag).toBeUndefined();
    const inbox = (await api(runtime, '/_local/admin/inbox', { json: {} })).body as {
      participant: { id: string };
    }[];
    expect(inbox.map((i) => i.participant.id)).toContain(ana.id);
  });

  it('answers "help me" with the crisis lines, and HELP with the HELP answer and a crisis line', async () => {
    const ben = await enrollParticipant(runtime, { timezone: ZONE });
    const help = await text(runtime, ben, 'HELP');
    expect(help).toMatch(/^Kintsugi trust program: .*Crisis: 988\. STOP to end\./);
    expect(new SegmentedMessage(help ?? '').segmentsCount).toBe(1);
    const crisis = await text(runtime, ben, 'help me');
    for (const line of ['Nobody reads replies as they arrive', 'Call 911', '988', '1-800-799-7233'])
      expect(crisis).toContain(line);
    expect((await runtime.deps.store.getEnrollment(ben.id))?.flagReason).toBe('call-for-help');
  });

  it('answers danger written in Spanish in Spanish, saying how to reach 988 and the hotline in Spanish', async () => {
    const reply = await textFrom(runtime, uniquePhone(), 'ayuda, me quiero morir');
    expect(reply).toContain('Nadie lee las respuestas');
    expect(reply).toContain('988 y oprime 2');
    expect(reply).toContain('escribe AYUDA al 988');
    expect(reply).toContain('1-800-799-7233, hablan español');
    expect(new SegmentedMessage(reply ?? '').encodingName).toBe('UCS-2');
  });

  it('answers a UK number with 999 and the directory of helplines, not the US lines', async () => {
    const reply = await textFrom(runtime, '+447400123456', 'I want to kill myself');
    expect(reply).toContain('Call 999.');
    expect(reply).toContain('findahelpline.com');
    for (const us of ['911', '988', '1-800']) expect(reply).not.toContain(us);
  });

  it('after STOP, answers danger in the webhook and also by email, once, since Twilio refuses texts to that number', async () => {
    const cam = await enrollParticipant(runtime, { timezone: ZONE });
    await text(runtime, cam, 'STOP');
    const before = (await emailsTo(runtime, cam.email)).length;
    const reply = await text(runtime, cam, 'he hit me again');
    expect(reply).toContain('1-800-799-7233');
    const crisis = (await emailsTo(runtime, cam.email)).slice(before);
    expect(crisis.map((m) => m.subject)).toEqual(['Kintsugi: people you can reach right now']);
    for (const line of ['911', '988', '1-800-799-7233', 'RESUME']) expect(crisis[0]?.text).toContain(line);
    expect((await runtime.deps.store.getEnrollment(cam.id))?.smsStatus).toBe('stopped');
  });

  it('in discreet mode answers without the program name or what the lines are for, and suggests deleting the thread', async () => {
    const email = uniqueEmail('dee');
    const phone = uniquePhone();
    await api(runtime, '/enrollments', {
      json: { email, timezone: ZONE, role: 'hurt', phone, smsConsent: true, discreet: true },
    });
    const confirm = pathOf(linkIn((await emailsTo(runtime, email)).at(-1), '/confirm'));
    await api(runtime, confirm, { method: 'POST', headers: { accept: 'application/json' } });
    await textFrom(runtime, phone, 'YES');
    for (const body of ['she threatens me', "I'm not safe"]) {
      const reply = (await textFrom(runtime, phone, body)) ?? '';
      expect(reply, body).toContain('delete this thread');
      expect(reply.slice(reply.indexOf('Nobody')), body).not.toMatch(/kintsugi/i);
      expect(relationshipWordsIn(reply), body).toEqual([]);
    }
    const crisis = (await textFrom(runtime, phone, 'i want to die')) ?? '';
    expect(crisis).not.toMatch(/kintsugi/i);
    expect(crisis).toMatch(/^Thank you for telling us\. Nobody reads replies as they arrive/);
  });
});
