import type { Command } from 'commander';
import type { InboxItem } from '../../functions/use-cases/operator/views';
import { contextOf } from '../context';
import { statusOf, when } from '../format';

function itemText(item: InboxItem): string {
  const p = item.participant;
  const marks = [
    p.flag &&
      `${when(p.flag.at)}  DANGER ${p.flag.reason ?? 'flag'}${p.flag.waiting ? '' : ` (handled ${when(p.flag.handledAt)})`}`,
    p.concern &&
      `${when(p.concern.at)}  concern ${p.concern.reason ?? ''}${p.concern.waiting ? '' : ` (handled ${when(p.concern.handledAt)})`}`,
  ].filter((m): m is string => Boolean(m));
  const lines = [
    ...marks,
    `  ${p.email}${p.phone ? `  ${p.phone}` : ''}  id ${p.id}`,
    `  ${p.track}, ${statusOf(p)}, day ${p.day ?? '—'}${p.discreet ? ', discreet mode: their messages may be read by someone else' : ''}`,
  ];
  for (const note of item.recentNotes ?? []) lines.push(`  ${when(note.at)} ${note.channel}: "${note.note}"`);
  return lines.join('\n');
}

/** `kintsugi inbox`: safety flags (danger) and concerns waiting for a human, and marking one handled. */
export function register(program: Command): void {
  program
    .command('inbox')
    .description(
      'Safety flags (danger) then concerns waiting for a human, oldest first; --handled <who> marks one handled',
    )
    .option('--all', 'include flags already handled')
    .option(
      '--with-text',
      "include the participant's latest notes before the flag (the flagged text itself is never kept)",
    )
    .option('--handled <who>', "mark this participant's flag handled (email address, +phone or id)")
    .addHelpText(
      'after',
      '\nThe flagged message is never stored: the inbox says who, when and what kind of danger.\n' +
        'A concern ("not safe", a 1 on a safety question) was answered with resources and paused nothing;\n' +
        'its message is kept as a note (--with-text).\n' +
        'Follow your care protocol, then mark it handled.\n\nExamples:\n  npx kintsugi inbox\n  npx kintsugi inbox --handled ana@example.org',
    )
    .action(async (options, command: Command) => {
      const context = contextOf(command);
      const target = await context.target();
      if (options.handled) {
        const result = await target.admin('handled', { who: options.handled });
        context.print(
          result,
          (r) =>
            `Marked handled: ${r.participant.email} (${r.participant.flag?.reason ?? `concern: ${r.participant.concern?.reason ?? 'flag'}`}).`,
        );
        return;
      }
      const items = await target.admin('inbox', {
        all: Boolean(options.all),
        withText: Boolean(options.withText),
      });
      context.print(items, (list) =>
        list.length === 0
          ? 'Nothing waiting: no safety flag or concern needs a human.'
          : `${list.length} flag${list.length === 1 ? '' : 's'}${options.all ? '' : ' waiting'}:\n\n${list.map(itemText).join('\n\n')}`,
      );
    });
}
