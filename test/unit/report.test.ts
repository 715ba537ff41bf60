import { beforeAll, describe, expect, it } from 'vitest';
import { reportPage } from '../../functions/pages/report';
import type { MessageRecord, Reply } from '../../functions/program/enrollment';
import { buildReport, type CheckpointReport } from '../../functions/program/report';
import { programSlots, type Slot } from '../../functions/program/schedule';
import type { Catalog, Step, Track } from '../../functions/program/types';
import { reportChartsHtml, reportChartsText } from '../../functions/render/report-charts';
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

  it('carries the same numbers in its text part, and the link to the web report', () => {
    const report = answered('hurt', typical);
    const email = compose(report);
    expect(email.subject).toBe(catalog.messages.email.report.subject);
    expect(email.text).toMatch(/https:\/\/kintsugi\.test\/report\?token=\S+/);
    expect(email.text).toContain(reportChartsText(report));
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
