import { type Command, Option } from 'commander';
import { WEEKDAYS } from '../../functions/program/types';
import { contextOf } from '../context';
import { requestJson } from '../http';

/** `kintsugi enroll`: enrolls someone through the public API, exactly as the form does. */
export function register(program: Command): void {
  program
    .command('enroll')
    .description('Enroll a person through the public API, as the form does: they get the confirmation email')
    .argument('<email>', "the person's email address")
    .addOption(
      new Option('--track <track>', 'which side of the breach they are on')
        .choices(['hurt', 'repairing'])
        .makeOptionMandatory(),
    )
    .option('--timezone <zone>', 'their IANA time zone', Intl.DateTimeFormat().resolvedOptions().timeZone)
    .addOption(
      new Option('--checkin-day <day>', 'weekday of the weekly check-in')
        .choices([...WEEKDAYS])
        .default('sunday'),
    )
    .option('--checkin-time <HH:MM>', 'local time of the weekly check-in (08:00–20:00)', '19:00')
    .option('--phone <number>', 'mobile number for check-ins by text (needs --sms-consent)')
    .option('--sms-consent', 'they agreed, in their own words, to the texts wording on the form')
    .addHelpText(
      'after',
      '\nExample:\n  npx kintsugi enroll ana@example.org --track hurt --timezone America/Chicago',
    )
    .action(async (email: string, options, command: Command) => {
      const context = contextOf(command);
      const target = await context.target();
      const result = (await requestJson(`${target.publicUrl}/enrollments`, {
        method: 'POST',
        json: {
          email,
          role: options.track,
          timezone: options.timezone,
          checkinDay: options.checkinDay,
          checkinTime: options.checkinTime,
          ...(options.phone ? { phone: options.phone, smsConsent: Boolean(options.smsConsent) } : {}),
        },
      })) as { id: string; status: string };
      context.print(
        result,
        (r) =>
          `Enrolled ${r.id} (${r.status}). The confirmation email is on its way; nothing starts until they press its button.`,
      );
    });
}
