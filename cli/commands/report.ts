import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { answerWords, type CheckpointReport } from '../../functions/program/report';
import type { ParticipantReport } from '../../functions/use-cases/operator/views';
import { contextOf } from '../context';
import { table } from '../format';

const num = (n: number | null) => (n === null ? '—' : n.toFixed(1));
const signed = (n: number | null) => (n === null ? '—' : `${n > 0 ? '+' : ''}${n.toFixed(1)}`);

/** The checkpoint numbers as text: one row per metric, then the quick checks and the three questions. */
export function reportText(report: CheckpointReport): string {
  const metrics = table(
    ['METRIC', 'ANSWERED', 'DAYS 0–29', 'DAYS 61–90', 'CHANGE', 'WEEKLY (1–13)'],
    report.metrics.map((m) => [
      m.metric,
      `${m.answered}/${m.sent}`,
      num(m.first30),
      num(m.last30),
      signed(m.change),
      m.weekly.map((w) => (w.score === null ? '·' : String(w.score))).join(' '),
    ]),
  );
  const quick = (report.quickChecks ?? []).map(
    (check) =>
      `Day ${check.day}: ${check.answers.map((a) => `${a.metric} ${answerWords(a.answer, a.scale)}`).join('; ')}`,
  );
  const questions = report.checkpoint.map((c) => `${c.question} ${answerWords(c.answer, c.scale)}`);
  const participation = report.participation
    ? [
        `Shared with their partner: answered ${report.participation.you.answered}/${report.participation.you.sent}; partner ${report.participation.partner.answered}/${report.participation.partner.sent}.`,
      ]
    : [];
  return [
    report.metrics.length ? metrics : 'No check-ins answered yet.',
    ...(quick.length ? ['', 'Quick checks', ...quick] : []),
    ...(questions.length ? ['', 'The three questions', ...questions] : []),
    ...participation,
    `Journal notes: ${report.journalNotes}`,
  ].join('\n');
}

/** Opens a URL in the desktop's browser, if there is one. */
function openInBrowser(url: string): void {
  const opener =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  spawn(opener, [url], { stdio: 'ignore', detached: true })
    .on('error', () => undefined)
    .unref();
}

/** `kintsugi report <who>`: the checkpoint numbers, and the participant's web view. */
export function register(program: Command): void {
  program
    .command('report')
    .description(
      'Print the checkpoint numbers and the web view URL (before day 90: a preview of the numbers so far)',
    )
    .argument('<who>', 'email address, +phone number or enrollment id')
    .option('--open', 'open the web view in a browser')
    .addHelpText('after', '\nExample:\n  npx kintsugi report ana@example.org --open')
    .action(async (who: string, options, command: Command) => {
      const context = contextOf(command);
      const result: ParticipantReport = await (await context.target()).admin('report', { who });
      context.print(result, (r) =>
        [
          r.ready
            ? `Day-90 checkpoint report of ${r.participant.email} (built ${r.report.generatedAt}).`
            : `No report yet (day ${r.participant.day ?? '—'}): the numbers so far, not saved.`,
          '',
          reportText(r.report),
          ...(r.url ? ['', `Web view (the participant's own link): ${r.url}`] : []),
        ].join('\n'),
      );
      if (options.open && result.url) openInBrowser(result.url);
    });
}
