import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { closedLinkPage, reportPage, sharedReportPage } from '../../functions/pages/report';
import { reportPdf } from '../../functions/pages/report-pdf';
import type { MessageRecord, Reply } from '../../functions/program/enrollment';
import { buildReport, type CheckpointReport } from '../../functions/program/report';
import { programSlots, type Slot } from '../../functions/program/schedule';
import type { Catalog, Step, Track } from '../../functions/program/types';
import { reportChartsHtml, reportChartsText } from '../../functions/render/report-charts';
import { notesOf } from '../../functions/use-cases/report/view-report';
import { composeReportEmail } from '../../functions/use-cases/services/compose';
import { link } from '../../functions/use-cases/services/links';
import { compileCatalog } from '../../scripts/build';
import { fakeWorld } from '../support/fake-deps';

const NOW = '2026-06-01T00:30:00.000Z';
let catalog: Catalog;
beforeAll(async () => {
  catalog = await compileCatalog();
});

const person = (track: Track) => ({
  id: `enr-${track}`,
  email: 'sam@example.org',
  track,
  timezone: 'America/New_York',
  checkinDay: 'sunday' as const,
  checkinTime: '19:00',
  day0: '2026-03-03',
});

/** Every question of a track sent on its real schedule, answered with `answer(slot)` (undefined: unanswered). */
function answered(track: Track, answer: (slot: Slot & { step: Step }) => number | undefined) {
  const slots = programSlots(catalog.steps, person(track)).filter(
    (s): s is Slot & { step: Step } => (s.kind === 'check-in' || s.kind === 'checkpoint') && !!s.step,
  );
  const messages: MessageRecord[] = slots.map((s) => ({
    enrollmentId: `enr-${track}`,
    day: s.day,
    slot: s.slot,
    channel: 'sms',
    kind: s.kind as MessageRecord['kind'],
    ...(s.step.metric ? { metric: s.step.metric } : {}),
    status: 'delivered',
    dueAt: s.dueAt,
    claimedAt: s.dueAt,
  }));
  const replies: Reply[] = slots.flatMap((s) => {
    const score = answer(s);
    if (score === undefined) return [];
    const reply: Reply = {
      enrollmentId: `enr-${track}`,
      at: s.dueAt,
      sourceId: `SM-${s.slot}-${s.day}`,
      channel: 'sms',
      stepId: s.slot,
      day: s.day,
      score,
    };
    if (s.step.metric) reply.metric = s.step.metric;
    return [reply];
  });
  return buildReport({ enrollmentId: `enr-${track}`, now: NOW, steps: catalog.steps, messages, replies });
}

/** Yes to everything on day 60, no to "acting differently" on day 30; weekly scores rise 1 → 5. */
const typical = (s: Slot & { step: Step }) =>
  s.step.scale === 'yes-no'
    ? s.day === 30 && s.step.metric === 'behaving-differently'
      ? 0
      : 1
    : 1 + (s.day % 5);

describe('the report, with the quick questions of days 30 and 60', () => {
  it.each(['hurt', 'repairing'] as const)(
    '%s: shows the three answers of day 30 and of day 60, in order',
    (track) => {
      const report = answered(track, typical);
      expect(report.quickChecks?.map((c) => c.day)).toEqual([30, 60]);
      for (const check of report.quickChecks ?? [])
        expect(check.answers.map((a) => a.metric)).toEqual([
          'behaving-differently',
          'safe-to-be-honest',
          'both-showing-up',
        ]);
      expect(report.quickChecks?.[0]?.answers.map((a) => a.answer)).toEqual([0, 1, 1]);
      expect(report.quickChecks?.[1]?.answers.map((a) => a.answer)).toEqual([1, 1, 1]);
    },
  );

  it('keeps the day-88–90 checkpoint apart from the quick questions, and the weekly metrics as they were', () => {
    const report = answered('hurt', typical);
    expect(report.checkpoint.map((c) => c.metric)).toEqual([
      'behaviour-consistent',
      'feeling-safer',
      'still-willing',
    ]);
    expect(report.metrics.map((m) => m.metric)).toEqual(['honesty-safety', 'agreements-kept']);
    for (const m of report.metrics) {
      expect(m.weekly).toHaveLength(13);
      expect(m.responseRate).toBe(1);
      expect(m.first30).not.toBeNull();
      expect(m.last30).not.toBeNull();
    }
  });

  it('marks the weeks each metric was asked in, so a chart can leave out the weeks it was not', () => {
    const safety = answered('hurt', typical).metrics.find((m) => m.metric === 'honesty-safety');
    expect(safety?.weekly.filter((w) => w.asked).map((w) => w.week)).toEqual([1, 3, 5, 7, 9, 11, 13]);
  });

  it('records an unanswered quick question as no answer', () => {
    const report = answered('repairing', (s) => (s.day === 60 ? undefined : typical(s)));
    expect(report.quickChecks?.[1]?.answers.map((a) => a.answer)).toEqual([null, null, null]);
  });
});

describe('the report email', () => {
  const compose = (report: CheckpointReport) => {
    const deps = { ...fakeWorld(NOW).deps, catalog };
    return composeReportEmail(deps, person('hurt'), report, link(deps, '/report', 'report', 'enr-hurt'));
  };

  it('draws each metric as table bars of its first and last 30 days and its weeks, with the numbers as text', () => {
    const report = answered('hurt', typical);
    const html = reportChartsHtml(report);
    const safety = report.metrics[0] as CheckpointReport['metrics'][number];
    expect(html).not.toMatch(/<svg|<img/);
    expect(html).toContain(`average <strong>${safety.first30?.toFixed(1)}</strong> of 5`);
    expect(html).toContain(`average <strong>${safety.last30?.toFixed(1)}</strong> of 5`);
    expect(html.match(/class="k-bar"/g)?.length).toBeGreaterThanOrEqual(2 * 2 + 13);
    expect(html).toContain('Days 30 and 60: three quick questions');
    expect(html).toContain('Days 88–90: the checkpoint');
  });

  it('opens with safety first when the person’s own messages showed harm or fear, as its page does', () => {
    const report: CheckpointReport = { ...answered('hurt', typical), harmDisclosed: true };
    const email = compose(report);
    expect(email.html).toContain('If you are afraid of your partner');
    expect(email.text.indexOf('If you are afraid of your partner')).toBeLessThan(
      email.text.indexOf(reportChartsText(report)),
    );
    expect(compose(answered('hurt', typical)).text).not.toContain('If you are afraid of your partner');
  });

  it('carries the same numbers in its text part, and the link to the web report', () => {
    const report = answered('hurt', typical);
    const email = compose(report);
    expect(email.subject).toBe(catalog.messages.email.report.subject);
    expect(email.text).toMatch(/https:\/\/kintsugi\.test\/report\?token=\S+/);
    expect(email.text).toContain(reportChartsText(report));
    // Each week's answer after a colon: "week 1 4, week 3 –" read as a run of numbers.
    expect(reportChartsText(report)).toMatch(/Week by week: week 1: (?:\d|–)/);
    expect(reportChartsText(report)).not.toMatch(/week \d+ \d/);
    expect(email.text).toContain(
      'Day 30:\n- Is your partner acting differently, not only saying different things? No',
    );
    expect(email.html).toContain('/report?token=');
    expect(email.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });

  it('stays under 102 KB of HTML with every week, question and checkpoint answered', () => {
    for (const track of ['hurt', 'repairing'] as const) {
      const html = compose(answered(track, typical)).html;
      expect(Buffer.byteLength(html, 'utf8')).toBeLessThan(102 * 1024);
      expect(html).toMatch(/^<!doctype html>/i);
      expect(html).not.toMatch(/\{\{/);
    }
  });

  it('says plainly when nothing was answered', () => {
    const empty = answered('hurt', () => undefined);
    const email = compose({ ...empty, metrics: [] });
    expect(email.html).toContain('No weekly check-in was answered');
    expect(email.text).toContain('No weekly check-in was answered.');
  });
});

/** The report page's view of a report, as its owner sees it: no notes, no share links yet. */
const ownView = (report: CheckpointReport) => ({
  report,
  track: 'hurt' as const,
  timezone: 'America/New_York',
  notes: [],
  shares: [],
  now: NOW,
});

describe('the web report page', () => {
  it('shows the quick questions of days 30 and 60 side by side', () => {
    const html = reportPage(ownView(answered('hurt', typical)), 'token');
    expect(html).toContain('Days 30 and 60: three quick questions');
    expect(html).toMatch(/<td data-day="30" data-metric="behaving-differently">No<\/td>/);
    expect(html).toMatch(/<td data-day="60" data-metric="behaving-differently">Yes<\/td>/);
  });

  it('still renders a report saved before the quick questions existed', () => {
    const { quickChecks: _, ...old } = answered('hurt', typical);
    expect(reportPage(ownView(old), 'token')).not.toContain('three quick questions');
  });
});

describe('the web report page in Spanish, for a Spanish enrollment', () => {
  const spanish = (report: CheckpointReport) => ({ ...ownView(report), language: 'es' as const });
  const share = {
    id: 'share-1',
    enrollmentId: 'enr-hurt',
    days: 30 as const,
    includeNotes: false,
    createdAt: '2026-06-01T14:00:00.000Z',
    validUntil: '2026-07-01T14:00:00.000Z',
    opens: 2,
    lastOpenedAt: '2026-06-03T14:00:00.000Z',
  };

  it('writes every heading, chart label and table in Spanish, with lang="es"', () => {
    const html = reportPage(spanish(answered('hurt', typical)), 'token');
    expect(html).toContain('<html lang="es">');
    expect(html).toContain('<h1>Tu punto de control de los 90 días</h1>');
    expect(html).toContain('Días 30 y 60: tres preguntas rápidas');
    expect(html).toMatch(/<td data-day="30" data-metric="behaving-differently">No<\/td>/);
    expect(html).toMatch(/<td data-day="60" data-metric="behaving-differently">Sí<\/td>/);
    expect(html).toContain('<p class="axis">Semana del programa</p>');
    expect(html).toContain('Semana a semana, sobre 5.');
    expect(html).toContain('<caption>Tus respuestas, semana a semana (sobre 5)</caption>');
    expect(html).toContain('<th scope="row">Promedio, días 0–29</th>');
    expect(html).toContain('Las tres preguntas');
    expect(html).toContain('Y ahora, ¿qué?');
    expect(html).toContain('Si le tienes miedo a tu pareja');
    expect(html).toContain('<a href="tel:+18007997233">1-800-799-7233</a>, donde atienden en español');
    expect(html).toContain('Descargar en PDF');
    expect(html).toContain('Compártelo con tu terapeuta');
    expect(html).toContain('llama al 988 y oprime 2 para español');
    for (const english of ['Your 90-day checkpoint', 'Program week', 'What now', 'Share with your therapist'])
      expect(html).not.toContain(english);
  });

  it('writes dates in Spanish: share links, notes and the late-answer line', () => {
    const report = { ...answered('hurt', typical), updatedAt: '2026-06-02T15:00:00.000Z' };
    report.checkpoint = report.checkpoint.map((c, i) => (i === 0 ? { ...c, late: true } : c));
    const html = reportPage(
      {
        ...spanish(report),
        shares: [share],
        notes: [{ at: '2026-03-08T23:42:00.000Z', text: 'Una semana difícil.', withAnswer: '2 de 5' }],
      },
      'token',
    );
    expect(html).toContain('Funciona hasta el miércoles, 1 de julio');
    expect(html).toContain('Abierto 2 veces, la última el miércoles, 3 de junio');
    expect(html).toContain('Creado el lunes, 1 de junio');
    expect(html).toContain('domingo, 8 de marzo, 7:42 p.m.');
    expect(html).toContain(' · con la respuesta 2 de 5');
    expect(html).toContain('Ver tu nota');
    expect(html).toContain('(llegó tarde)');
    expect(html).toContain('El informe se actualizó por última vez el martes, 2 de junio.');
  });

  it('shows the shared copy and the closed link in Spanish too', () => {
    const shared = sharedReportPage({
      report: answered('hurt', typical),
      track: 'hurt',
      timezone: 'America/New_York',
      language: 'es',
      validUntil: '2026-07-01T14:00:00.000Z',
    });
    expect(shared).toContain('<html lang="es">');
    expect(shared).toContain('Este enlace funciona hasta el miércoles, 1 de julio');
    expect(closedLinkPage('es')).toContain('No hay nada que mostrar');
  });

  it('keeps the English page as it was for an enrollment with no language', () => {
    const html = reportPage({ ...ownView(answered('hurt', typical)), shares: [share] }, 'token');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Your 90-day checkpoint</h1>');
    expect(html).toContain('Works until Wednesday, July 1');
    expect(html).toContain('<p class="axis">Program week</p>');
  });

  it('writes half points as where the person lives: "2,5" in Madrid, "2.5" in Mexico City and in English', () => {
    const report = answered('hurt', typical);
    const averages = (html: string) =>
      [...html.matchAll(/data-field="(?:first30|last30)">([^<]+)</g)].map((m) => m[1]);
    const madrid = reportPage({ ...spanish(report), timezone: 'Europe/Madrid' }, 'token');
    const mexico = reportPage({ ...spanish(report), timezone: 'America/Mexico_City' }, 'token');
    const english = reportPage({ ...ownView(report), timezone: 'Europe/Madrid' }, 'token');
    expect(averages(madrid).length).toBeGreaterThan(0);
    for (const value of averages(madrid)) expect(value).toMatch(/^\d,\d$/);
    for (const value of averages(mexico)) expect(value).toMatch(/^\d\.\d$/);
    for (const value of averages(english)) expect(value).toMatch(/^\d\.\d$/);
    expect(reportChartsText(report, 'es', 'Europe/Madrid')).toMatch(/\d,\d de 5/);
    expect(reportChartsText(report, 'es', 'Europe/Madrid')).not.toMatch(/\d\.\d de 5/);
    expect(reportChartsText(report, 'es', 'America/Mexico_City')).toMatch(/\d\.\d de 5/);
  });

  it('makes the PDF in Spanish, accents and all', async () => {
    const bytes = await reportPdf({
      report: answered('hurt', typical),
      track: 'hurt',
      timezone: 'America/New_York',
      language: 'es',
      now: NOW,
      notes: [{ at: '2026-03-08T23:42:00.000Z', text: 'Quería decir que sí, ¿ves? ¡Ánimo!' }],
    });
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getTitle()).toBe('Tu punto de control de los 90 días');
    expect(pdf.getPageCount()).toBeGreaterThan(0);
    const english = await PDFDocument.load(
      await reportPdf({
        report: answered('hurt', typical),
        track: 'hurt',
        timezone: 'America/New_York',
        now: NOW,
      }),
    );
    expect(english.getTitle()).toBe('Your 90-day checkpoint');
    // The standard font the PDF writes with has every Spanish letter, so none becomes "?".
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const letters = new Set(font.getCharacterSet());
    for (const ch of 'áéíóúüñÁÉÍÓÚÑ¿¡«»') expect(letters.has(ch.codePointAt(0) ?? 0)).toBe(true);
  });
});

describe('the notes of a question whose answer was changed later', () => {
  it('shows a note with the answer it came with and the one that question holds now', () => {
    const step = catalog.steps.find((s) => s.kind === 'check-in' && s.scale === '1-5') as Step;
    const reply = (at: string, score: number, note?: string): Reply => ({
      enrollmentId: 'e1',
      at,
      sourceId: at,
      channel: 'sms',
      stepId: step.id,
      day: 7,
      metric: step.metric,
      score,
      ...(note ? { note } : {}),
    });
    const notes = notesOf({ catalog }, [
      reply('2027-01-12T03:00:00.000Z', 4, 'we talked for an hour'),
      reply('2027-01-12T03:05:00.000Z', 3),
    ]);
    expect(notes).toEqual([
      {
        at: '2027-01-12T03:00:00.000Z',
        text: 'we talked for an hour',
        withAnswer: '4 of 5',
        changedTo: '3 of 5',
      },
    ]);
    const html = reportPage({ ...ownView(answered('hurt', typical)), notes }, 'token');
    expect(html).toContain(' · with the answer 4 of 5 (changed later to 3 of 5)');
    // A note whose answer was never changed says only its answer.
    expect(notesOf({ catalog }, [reply('2027-01-12T03:00:00.000Z', 4, 'fine')])[0]).not.toHaveProperty(
      'changedTo',
    );
  });
});
