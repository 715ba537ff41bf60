import { DateTime } from 'luxon';
import { expect } from 'vitest';
import { type MessageRecord, REACHED } from '../../functions/program/enrollment';
import type { Runtime } from '../../local/runtime';
import {
  api,
  emailsTo,
  type LocalEmail,
  type LocalSms,
  linkIn,
  pathOf,
  textsWith,
  uniqueEmail,
  uniquePhone,
} from './runtime';

export interface Participant {
  id: string;
  email: string;
  phone?: string;
}

/** Enrolls through the form API, confirms through the emailed link, and (with a phone) replies YES. */
export async function enrollParticipant(
  runtime: Runtime,
  options: {
    timezone: string;
    role?: 'hurt' | 'repairing';
    phone?: boolean;
    yes?: boolean;
    checkinDay?: string;
    checkinTime?: string;
    /** `false`: check-ins only, no mid-week nudges (the form's choice of texts). */
    nudges?: false;
    /** `es`: the program in Spanish. */
    language?: 'es';
  },
): Promise<Participant> {
  const email = uniqueEmail();
  const phone = options.phone === false ? undefined : uniquePhone();
  const enrolled = await api(runtime, '/enrollments', {
    json: {
      email,
      timezone: options.timezone,
      role: options.role ?? 'hurt',
      checkinDay: options.checkinDay ?? 'sunday',
      checkinTime: options.checkinTime ?? '19:00',
      ...(phone ? { phone, smsConsent: true } : {}),
      ...(options.nudges === false ? { nudges: false } : {}),
      ...(options.language ? { language: options.language } : {}),
    },
  });
  expect(enrolled.status).toBe(202);
  const confirm = pathOf(linkIn((await emailsTo(runtime, email))[0], '/confirm'));
  const confirmed = await api(runtime, confirm, { method: 'POST', headers: { accept: 'application/json' } });
  expect(confirmed.status).toBe(200);
  if (phone && options.yes !== false) {
    const yes = await api(runtime, '/_local/sms/reply', { json: { from: phone, body: 'YES' } });
    expect(yes.body.reply).toMatch(/you're in|listo/i);
  }
  return { id: enrolled.body.id, email, ...(phone ? { phone } : {}) };
}

/** Texts the participant sends; answers with Kintsugi's immediate reply, or null. */
export async function text(runtime: Runtime, who: Participant, body: string): Promise<string | null> {
  const response = await api(runtime, '/_local/sms/reply', { json: { from: who.phone, body } });
  expect(response.status).toBe(200);
  return response.body.reply;
}

export const advance = async (runtime: Runtime, duration: string, outage = false) => {
  const moved = await api(runtime, '/_local/clock', {
    json: { advance: duration, ...(outage ? { outage } : {}) },
  });
  expect(moved.status).toBe(200);
  return moved.body as { now: string; dispatches: number; sent: { email: number; sms: number } };
};

export const advanceTo = async (runtime: Runtime, iso: string, outage = false) => {
  const moved = await api(runtime, '/_local/clock', { json: { to: iso, ...(outage ? { outage } : {}) } });
  expect(moved.status).toBe(200);
  return moved.body as { now: string; dispatches: number; sent: { email: number; sms: number } };
};

/** Every program message that reached the participant, from the table. */
export const reached = async (runtime: Runtime, who: Participant): Promise<MessageRecord[]> =>
  (await runtime.deps.store.listMessages(who.id)).filter((m) => REACHED.includes(m.status));

/** Texts Kintsugi sent to the participant, replies included. */
export const outboundTexts = async (runtime: Runtime, who: Participant): Promise<LocalSms[]> =>
  who.phone ? (await textsWith(runtime, who.phone)).filter((m) => m.direction === 'outbound') : [];

/** Program emails (not the confirmation) the participant received. */
export const programEmails = async (runtime: Runtime, who: Participant): Promise<LocalEmail[]> =>
  (await emailsTo(runtime, who.email)).filter((m) => !m.text?.includes('/confirm?'));

export const localTime = (iso: string, zone: string) => DateTime.fromISO(iso, { zone });
