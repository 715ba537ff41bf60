/**
 * The program's outcomes for the people who run it: counts kept as events happen (a milestone counted once
 * per enrollment), and what is read from them (funnel, weekly response, answer distributions, safety). Only
 * aggregates: no id, address, number or word of a reply ever enters a count's name, and every figure that
 * rests on fewer than MIN_CELL people is shown as "fewer than 10" (`suppress`, the one place that decides).
 * Plain data and functions: no I/O.
 */
import type { Enrollment } from './enrollment';
import type { Metric, Track } from './types';

/** The fewest people a figure may rest on before it is shown. */
export const MIN_CELL = 10;
/** What a suppressed figure says instead of its number. */
export const FEWER_THAN = `fewer than ${MIN_CELL}`;
/** Program weeks with a weekly check-in. */
export const OUTCOME_WEEKS = 13;
/** The weeks the funnel shows answers for. */
export const FUNNEL_WEEKS = [1, 4, 8, 12] as const;

/** How a person could be reached from the start: gave a mobile number on the form, or email only. */
export type Reach = 'texts' | 'email';
/** How a weekly check-in was answered. */
export type AnswerChannel = 'text' | 'click' | 'reply';
export const ANSWER_CHANNELS: readonly AnswerChannel[] = ['text', 'click', 'reply'];
/** Why a person stopped: STOP or emails stopped, PAUSE, or no answer after a week until the end. */
export type StopReason = 'opted-out' | 'paused' | 'went-silent';
export const STOP_REASONS: readonly StopReason[] = ['opted-out', 'paused', 'went-silent'];
export type Trend = 'rose' | 'held' | 'fell';
export const TRENDS: readonly Trend[] = ['rose', 'held', 'fell'];
/** How long a safety flag waited for a human, in buckets (exact waits would narrow down a person). */
export const WAIT_BUCKETS = ['under-1h', '1-4h', '4-24h', '1-3d', 'over-3d'] as const;
export type WaitBucket = (typeof WAIT_BUCKETS)[number];

/**
 * The group every count is kept under, fixed when the person enrolls: the cohort (the ISO week they
 * signed up in, UTC), their track, and whether they gave a number.
 */
export interface OutcomeGroup {
  cohort: string;
  track: Track;
  reach: Reach;
}

/** One counter of a group: which part of its counts (an item in DynamoDB) and which name. */
export interface CounterRef {
  part: string;
  name: string;
}

/** A part of a group's counts as stored. */
export interface CounterRow extends OutcomeGroup {
  part: string;
  counts: Record<string, number>;
}

/**
 * A milestone reached, counted once per enrollment: `fixed` counters go up by one the first time; a
 * milestone with a `value` (an answer's score, a trend) also counts `valued` with `{v}` filled in, and a
 * later, different value moves that count from the old value to the new one (a corrected answer).
 */
export interface OutcomeTally {
  enrollmentId: string;
  group: OutcomeGroup;
  milestone: string;
  fixed: CounterRef[];
  value?: string;
  valued?: CounterRef[];
  /** The first milestone of a person (`enrolled`): their cohort joins the list of cohorts read. */
  opensCohort?: boolean;
}

/** A valued counter's name with its value filled in. */
export const valuedName = (ref: CounterRef, value: string) => ref.name.replace('{v}', value);

/** The ISO-8601 week of an instant, in UTC: `2026-W10`. */
export function isoWeekOf(iso: string): string {
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  const weekday = (date.getUTCDay() + 6) % 7; // Monday 0
  const thursday = new Date(date.getTime() + (3 - weekday) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const firstWeekday = (firstThursday.getUTCDay() + 6) % 7;
  const week1Monday = firstThursday.getTime() - firstWeekday * 86_400_000;
  const week = 1 + Math.floor((thursday.getTime() - 3 * 86_400_000 - week1Monday) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The month (YYYY-MM) an ISO week belongs to: the month of its Thursday, as ISO assigns weeks to years. */
export function monthOfIsoWeek(cohort: string): string {
  const [year, week] = [Number(cohort.slice(0, 4)), Number(cohort.slice(6))];
  const jan4 = Date.UTC(year, 0, 4);
  const week1Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000;
  const thursday = new Date(week1Monday + ((week - 1) * 7 + 3) * 86_400_000);
  return thursday.toISOString().slice(0, 7);
}

/** Whether a cohort filter (`2027-01` a month, `2027-W03` a week) takes a cohort. */
export function cohortMatches(cohort: string, filter: string | undefined): boolean {
  if (!filter) return true;
  return /^\d{4}-W\d{2}$/.test(filter) ? cohort === filter : monthOfIsoWeek(cohort) === filter;
}

/** The group of an enrollment's counts. */
export const groupOf = (e: Pick<Enrollment, 'createdAt' | 'track' | 'phone'>): OutcomeGroup => ({
  cohort: isoWeekOf(e.createdAt),
  track: e.track,
  reach: e.phone ? 'texts' : 'email',
});

/** The program week (1–13) a program day falls in. */
export const weekOfDay = (day: number) => Math.min(OUTCOME_WEEKS, Math.floor(day / 7) + 1);

const ww = (week: number) => `w${String(week).padStart(2, '0')}`;
const FUNNEL = 'funnel';
const WEEKLY = 'weekly';
const answersPart = (metric: Metric) => `answers#${metric}`;

/** The counter names, in one place (the view reads the same names). */
export const counters = {
  enrolled: { part: FUNNEL, name: 'enrolled' },
  confirmed: { part: FUNNEL, name: 'confirmed' },
  textsOn: { part: FUNNEL, name: 'texts-on' },
  checkpoint: { part: FUNNEL, name: 'checkpoint' },
  report: { part: FUNNEL, name: 'report' },
  reportOpened: { part: FUNNEL, name: 'report-opened' },
  stopped: (reason: StopReason, week: number) => ({ part: FUNNEL, name: `stop-${reason}-${ww(week)}` }),
  danger: (category: string) => ({ part: FUNNEL, name: `danger-${category}` }),
  concern: (category: string) => ({ part: FUNNEL, name: `concern-${category}` }),
  waited: (bucket: WaitBucket) => ({ part: FUNNEL, name: `wait-${bucket}` }),
  asked: (week: number, channel: 'sms' | 'email') => ({ part: WEEKLY, name: `asked-${ww(week)}-${channel}` }),
  answered: (week: number) => ({ part: WEEKLY, name: `answered-${ww(week)}` }),
  answeredBy: (week: number, channel: AnswerChannel) => ({
    part: WEEKLY,
    name: `answered-${ww(week)}-${channel}`,
  }),
  /** An answer's score in a week, `{v}` the score. */
  weekScore: (metric: Metric, week: number) => ({ part: answersPart(metric), name: `${ww(week)}-s{v}` }),
  /** A checkpoint question's answer (day 30, 60 or 88–90). */
  dayScore: (metric: Metric, day: number) => ({
    part: answersPart(metric),
    name: `d${String(day).padStart(3, '0')}-s{v}`,
  }),
  /** A person's mean answer over days 0–29 or 61–90, rounded to a whole score. */
  periodMean: (metric: Metric, period: 'first30' | 'last30') => ({
    part: answersPart(metric),
    name: `${period}-s{v}`,
  }),
  trend: (metric: Metric) => ({ part: answersPart(metric), name: 'trend-{v}' }),
} as const;

/** The wait bucket of a flag raised at `from` and handled at `to`. */
export function waitBucket(from: string, to: string): WaitBucket {
  const hours = (Date.parse(to) - Date.parse(from)) / 3_600_000;
  if (hours < 1) return 'under-1h';
  if (hours < 4) return '1-4h';
  if (hours < 24) return '4-24h';
  if (hours < 72) return '1-3d';
  return 'over-3d';
}

/** Whether a person's means rose, held or fell (a change of less than half a point holds). */
export const trendOf = (change: number): Trend => (change >= 0.5 ? 'rose' : change <= -0.5 ? 'fell' : 'held');

// --- Reading the counts -------------------------------------------------------------------------------

/** A figure as shown: its number, or "fewer than 10" when it rests on too few people. */
export type Shown = number | typeof FEWER_THAN;

/**
 * The one suppression rule every output goes through: a count of fewer than MIN_CELL people becomes
 * "fewer than 10", and so does every count of a group (`base`: the people it is drawn from) that has fewer
 * than MIN_CELL people in all, zeros included: "none of 9 stopped" says something about each of the 9.
 */
export function suppress(value: number, base: number): Shown {
  if (base < MIN_CELL) return FEWER_THAN;
  return value > 0 && value < MIN_CELL ? FEWER_THAN : value;
}

/**
 * The parts of a total that is shown, each through `suppress`; when exactly one part is withheld, the
 * smallest part still shown is withheld with it, so no part can be worked out as the total less the others.
 */
export function suppressParts(values: readonly number[], base: number, bases?: readonly number[]): Shown[] {
  // A part drawn from a group of its own (a track, a reach) is withheld when that group is under ten.
  const shown = values.map((v, i) => suppress(v, Math.min(base, bases?.[i] ?? base)));
  const withheld = shown.filter((v) => v === FEWER_THAN).length;
  if (withheld !== 1) return shown;
  let smallest = -1;
  shown.forEach((v, i) => {
    if (typeof v === 'number' && (smallest < 0 || v < (values[smallest] as number))) smallest = i;
  });
  if (smallest >= 0) shown[smallest] = FEWER_THAN;
  return shown;
}

/** A rate (0–1, three places) shown only when its numerator and its denominator each count enough people. */
export function suppressRate(count: number, of: number): Shown | null {
  if (of === 0) return null;
  if (of < MIN_CELL || (count > 0 && count < MIN_CELL) || (of - count > 0 && of - count < MIN_CELL))
    return FEWER_THAN;
  return Math.round((count / of) * 1000) / 1000;
}

/** The median and quartiles of a histogram (value → people), exactly: the nearest-rank values. */
export function quartiles(
  histogram: Record<string, number>,
): { q1: number; median: number; q3: number } | null {
  const values = Object.entries(histogram)
    .filter(([, n]) => n > 0)
    .map(([v, n]) => [Number(v), n] as const)
    .sort((a, b) => a[0] - b[0]);
  const total = values.reduce((sum, [, n]) => sum + n, 0);
  if (!total) return null;
  const at = (p: number) => {
    const rank = Math.max(1, Math.ceil(p * total));
    let seen = 0;
    for (const [v, n] of values) {
      seen += n;
      if (seen >= rank) return v;
    }
    return values[values.length - 1]?.[0] as number;
  };
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) };
}

/** The sum of every row's counts, name by name, per part (rows already filtered to what is shown). */
export function sumRows(rows: readonly CounterRow[]): Map<string, Record<string, number>> {
  const parts = new Map<string, Record<string, number>>();
  for (const row of rows) {
    const into = parts.get(row.part) ?? {};
    for (const [name, n] of Object.entries(row.counts)) into[name] = (into[name] ?? 0) + n;
    parts.set(row.part, into);
  }
  return parts;
}

// --- The view -----------------------------------------------------------------------------------------

/** One step of the funnel, over everyone shown and split by track and by reach. */
export interface FunnelStep {
  step: string;
  label: string;
  people: Shown;
  byTrack: Record<Track, Shown>;
  byReach: Record<Reach, Shown>;
}

export interface ResponseWeek {
  week: number;
  /** Weekly check-ins that went out by text and by email, and their answers by channel (late ones too). */
  askedByText: Shown;
  askedByEmail: Shown;
  answered: Record<AnswerChannel, Shown>;
  /** answered ÷ asked, all channels; by text (text answers ÷ texted) and by email (click + reply ÷ emailed). */
  rate: Shown | null;
  textRate: Shown | null;
  emailRate: Shown | null;
}

export interface Distribution {
  /** What the figures count (`week 3`, `days 0–29`, `day 88`). */
  label: string;
  week?: number;
  people: Shown;
  /** Score → people, every score of the scale listed. */
  histogram: { score: number; people: Shown }[];
  quartiles: { q1: number; median: number; q3: number } | typeof FEWER_THAN | null;
}

export interface MetricOutcomes {
  metric: string;
  /** The question as the program asks it (English), when the catalog names one. */
  question?: string;
  weeks: Distribution[];
  /** Each person's mean over days 0–29 and 61–90 (weekly questions only; counted at their report). */
  first30?: Distribution;
  last30?: Distribution;
  checkpoint: Distribution[];
  /** People whose mean rose, held or fell from days 0–29 to days 61–90 (weekly questions only). */
  trend?: Record<Trend, Shown>;
}

/** Every distribution of a question, in the order shown: weeks, the two 30-day means, checkpoint days. */
export const distributionsOf = (m: MetricOutcomes): Distribution[] =>
  [...m.weeks, m.first30, m.last30, ...m.checkpoint].filter((d): d is Distribution => d !== undefined);

export interface OutcomesView {
  /** The cohort filter (`2027-01`, `2027-W03`), or `all`. */
  cohort: string;
  /** Cohorts shown (ISO weeks), each with its funnel's head. */
  cohorts: { cohort: string; enrolled: Shown; confirmed: Shown; answeredWeek12: Shown }[];
  minCell: number;
  funnel: FunnelStep[];
  /** Where people stopped: by reason and the program week it happened after. */
  stops: { reason: StopReason; week: number; people: Shown }[];
  /** The (reason, week) most people stopped at, when that figure can be shown. */
  mostStoppedAfter?: { reason: StopReason; week: number; people: number };
  response: ResponseWeek[];
  metrics: MetricOutcomes[];
  safety: {
    participants: Shown;
    flags: { level: 'danger' | 'concern'; category: string; people: Shown; per1000: Shown | null }[];
    waits: { bucket: WaitBucket; flags: Shown }[];
  };
}

const FUNNEL_STEPS: { step: string; label: string; name: string }[] = [
  { step: 'enrolled', label: 'Enrolled', name: counters.enrolled.name },
  { step: 'confirmed', label: 'Confirmed', name: counters.confirmed.name },
  { step: 'texts-on', label: 'Texts on (YES)', name: counters.textsOn.name },
  ...FUNNEL_WEEKS.map((w) => ({
    step: `week-${w}`,
    label: `Answered a check-in in week ${w}`,
    name: counters.answered(w).name,
  })),
  { step: 'checkpoint', label: 'Answered the checkpoint', name: counters.checkpoint.name },
  { step: 'report-opened', label: 'Opened the report', name: counters.reportOpened.name },
];

/** The scores a metric's answers take. */
const scoresOf = (counts: Record<string, number>): number[] =>
  Object.keys(counts).some((k) => /-s[2-5]$/.test(k)) ? [1, 2, 3, 4, 5] : [0, 1];

/** The histogram under names `<prefix>-s<score>`. */
function histogramOf(counts: Record<string, number>, prefix: string): Record<string, number> {
  const histogram: Record<string, number> = {};
  for (const [name, n] of Object.entries(counts)) {
    if (name.startsWith(`${prefix}-s`) && n > 0) histogram[name.slice(prefix.length + 2)] = n;
  }
  return histogram;
}

function distribution(
  counts: Record<string, number>,
  prefix: string,
  label: string,
  scores: number[],
  week?: number,
): Distribution {
  const histogram = histogramOf(counts, prefix);
  const total = Object.values(histogram).reduce((a, b) => a + b, 0);
  const found = quartiles(histogram);
  return {
    label,
    ...(week ? { week } : {}),
    people: suppress(total, total),
    histogram: ((shown) => scores.map((score, i) => ({ score, people: shown[i] as Shown })))(
      suppressParts(
        scores.map((score) => histogram[String(score)] ?? 0),
        total,
      ),
    ),
    quartiles: found && total < MIN_CELL ? FEWER_THAN : found,
  };
}

/**
 * The outcomes as shown, from every counter row (read whole: a few items per cohort), filtered to a
 * cohort, every figure through `suppress`. Nothing in it names a person.
 */
export function buildOutcomes(rows: readonly CounterRow[], filter?: string): OutcomesView {
  const shown = rows.filter((r) => cohortMatches(r.cohort, filter));
  const all = sumRows(shown);
  const funnelCounts = all.get(FUNNEL) ?? {};
  const weekly = all.get(WEEKLY) ?? {};
  const of = (pick: (r: CounterRow) => boolean) => sumRows(shown.filter(pick)).get(FUNNEL) ?? {};
  const weeklyOf = (pick: (r: CounterRow) => boolean) => sumRows(shown.filter(pick)).get(WEEKLY) ?? {};
  const enrolledIn = (c: Record<string, number>) => c[counters.enrolled.name] ?? 0;
  const base = enrolledIn(funnelCounts);
  const tracks: Track[] = ['hurt', 'repairing'];
  const reaches: Reach[] = ['texts', 'email'];
  const split = <K extends string>(keys: K[], pick: (k: K) => (r: CounterRow) => boolean, name: string) => {
    const values = keys.map((k) => {
      const answers = name.startsWith('answered-') ? weeklyOf(pick(k)) : of(pick(k));
      return answers[name] ?? 0;
    });
    const shown = suppressParts(
      values,
      base,
      keys.map((k) => enrolledIn(of(pick(k)))),
    );
    return Object.fromEntries(keys.map((k, i) => [k, shown[i]])) as Record<K, Shown>;
  };

  const funnel = FUNNEL_STEPS.map(({ step, label, name }) => {
    const source = name.startsWith('answered-') ? weekly : funnelCounts;
    return {
      step,
      label,
      people: suppress(source[name] ?? 0, base),
      byTrack: split(tracks, (t) => (r) => r.track === t, name),
      byReach: split(reaches, (c) => (r) => r.reach === c, name),
    };
  });

  const stops: OutcomesView['stops'] = [];
  let most: OutcomesView['mostStoppedAfter'];
  for (const [name, n] of Object.entries(funnelCounts)) {
    const match = /^stop-(opted-out|paused|went-silent)-w(\d\d)$/.exec(name);
    if (!match || !n) continue;
    const reason = match[1] as StopReason;
    const week = Number(match[2]);
    stops.push({ reason, week, people: suppress(n, base) });
    if (base >= MIN_CELL && n >= MIN_CELL && (!most || n > most.people)) most = { reason, week, people: n };
  }
  stops.sort((a, b) => a.week - b.week || a.reason.localeCompare(b.reason));

  const response: ResponseWeek[] = [];
  for (let week = 1; week <= OUTCOME_WEEKS; week++) {
    const askedSms = weekly[counters.asked(week, 'sms').name] ?? 0;
    const askedEmail = weekly[counters.asked(week, 'email').name] ?? 0;
    const by = (c: AnswerChannel) => weekly[counters.answeredBy(week, c).name] ?? 0;
    const answered = weekly[counters.answered(week).name] ?? 0;
    response.push({
      week,
      askedByText: suppress(askedSms, base),
      askedByEmail: suppress(askedEmail, base),
      answered: (([text, click, reply]) => ({ text, click, reply }))(
        suppressParts([by('text'), by('click'), by('reply')], base) as [Shown, Shown, Shown],
      ),
      rate: base < MIN_CELL ? FEWER_THAN : suppressRate(answered, askedSms + askedEmail),
      textRate: base < MIN_CELL ? FEWER_THAN : suppressRate(by('text'), askedSms),
      emailRate: base < MIN_CELL ? FEWER_THAN : suppressRate(by('click') + by('reply'), askedEmail),
    });
  }

  const metrics: MetricOutcomes[] = [];
  for (const [part, counts] of [...all.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    if (!part.startsWith('answers#')) continue;
    const scores = scoresOf(counts);
    // Below the cohort's threshold every distribution is withheld, as every count is.
    const c = base < MIN_CELL ? {} : counts;
    const weeks: Distribution[] = [];
    for (let week = 1; week <= OUTCOME_WEEKS; week++) {
      if (Object.keys(counts).some((k) => k.startsWith(`${ww(week)}-s`)))
        weeks.push(distribution(c, ww(week), `week ${week}`, scores, week));
    }
    const days = [
      ...new Set(
        Object.keys(counts)
          .map((k) => /^d(\d{3})-s/.exec(k)?.[1])
          .filter(Boolean),
      ),
    ].sort() as string[];
    const has = (prefix: string) => Object.keys(counts).some((k) => k.startsWith(prefix));
    metrics.push({
      metric: part.slice('answers#'.length),
      weeks,
      ...(has('first30-')
        ? { first30: distribution(c, 'first30', 'days 0–29 (mean per person)', [1, 2, 3, 4, 5]) }
        : {}),
      ...(has('last30-')
        ? { last30: distribution(c, 'last30', 'days 61–90 (mean per person)', [1, 2, 3, 4, 5]) }
        : {}),
      checkpoint: days.map((d) => distribution(c, `d${d}`, `day ${Number(d)}`, scores)),
      ...(has('trend-')
        ? {
            trend: ((shown) =>
              Object.fromEntries(TRENDS.map((t, i) => [t, shown[i]])) as Record<Trend, Shown>)(
              suppressParts(
                TRENDS.map((t) => counts[`trend-${t}`] ?? 0),
                base,
              ),
            ),
          }
        : {}),
    });
  }

  const participants = funnelCounts[counters.confirmed.name] ?? 0;
  const flags: OutcomesView['safety']['flags'] = [];
  for (const [name, n] of Object.entries(funnelCounts)) {
    const match = /^(danger|concern)-(.+)$/.exec(name);
    if (!match || !n) continue;
    const people = suppress(n, base);
    flags.push({
      level: match[1] as 'danger' | 'concern',
      category: match[2] as string,
      people,
      per1000:
        typeof people === 'number' && participants >= MIN_CELL
          ? Math.round((n / participants) * 10_000) / 10
          : participants
            ? FEWER_THAN
            : null,
    });
  }
  flags.sort((a, b) => a.level.localeCompare(b.level) || a.category.localeCompare(b.category));

  const cohorts = [...new Set(shown.map((r) => r.cohort))].sort().map((cohort) => {
    const c = sumRows(shown.filter((r) => r.cohort === cohort));
    const f = c.get(FUNNEL) ?? {};
    const n = enrolledIn(f);
    return {
      cohort,
      enrolled: suppress(n, n),
      confirmed: suppress(f[counters.confirmed.name] ?? 0, n),
      answeredWeek12: suppress(c.get(WEEKLY)?.[counters.answered(12).name] ?? 0, n),
    };
  });

  return {
    cohort: filter ?? 'all',
    cohorts,
    minCell: MIN_CELL,
    funnel,
    stops,
    ...(most ? { mostStoppedAfter: most } : {}),
    response,
    metrics,
    safety: {
      participants: suppress(participants, base),
      flags,
      waits: WAIT_BUCKETS.map((bucket) => ({
        bucket,
        flags: suppress(funnelCounts[counters.waited(bucket).name] ?? 0, base),
      })),
    },
  };
}
