/**
 * `npx kintsugi`: the operator's command line. Against the local runtime (`--url`, default
 * http://localhost:3000) or, with AWS credentials, a deployed stack (`--stack kintsugi-prod`).
 */
import { Command, CommanderError, Option } from 'commander';
import { KintsugiError } from '../functions/shared/errors';
import { register as registerDelete } from './commands/delete';
import { register as registerEnroll } from './commands/enroll';
import { register as registerExport } from './commands/export';
import { register as registerInbox } from './commands/inbox';
import { register as registerList } from './commands/list';
import { register as registerOutcomes } from './commands/outcomes';
import { register as registerPause } from './commands/pause';
import { register as registerReport } from './commands/report';
import { register as registerResume } from './commands/resume';
import { register as registerShow } from './commands/show';
import { register as registerSimulate } from './commands/simulate';
import { register as registerSmoke } from './commands/smoke';
import { attachIo, type CliIo, processIo } from './context';
import { CliError } from './target';

/** The program with every command; `io` is where it writes (tests pass buffers). */
export function buildProgram(io: CliIo = processIo): Command {
  const program = new Command('kintsugi')
    .description('Run Kintsugi: enroll, look up and look after participants, check a deployment')
    .addOption(
      new Option('--url <url>', 'the local runtime (npm start)')
        .env('KINTSUGI_URL')
        .default('http://localhost:3000'),
    )
    .addOption(
      new Option('--stack <name>', 'a deployed stack instead, e.g. kintsugi-prod (AWS credentials)').env(
        'KINTSUGI_STACK',
      ),
    )
    .addOption(
      new Option('--region <region>', "the stack's AWS region (default: your AWS config)").env('AWS_REGION'),
    )
    .option('--json', 'print JSON instead of text')
    .showHelpAfterError()
    .configureOutput({ writeOut: (text) => io.out(text), writeErr: (text) => io.err(text) })
    .exitOverride()
    .addHelpText(
      'after',
      '\nExamples:\n' +
        '  npx kintsugi list --status active\n' +
        '  npx kintsugi show ana@example.org\n' +
        '  npx kintsugi --stack kintsugi-prod inbox\n' +
        '  npx kintsugi smoke --stack kintsugi-prod\n\n' +
        'Every command has --help.',
    );
  attachIo(program, io);
  for (const register of [
    registerEnroll,
    registerList,
    registerShow,
    registerPause,
    registerResume,
    registerExport,
    registerDelete,
    registerReport,
    registerInbox,
    registerOutcomes,
    registerSmoke,
    registerSimulate,
  ]) {
    register(program);
  }
  for (const command of program.commands) command.exitOverride().configureOutput(program.configureOutput());
  return program;
}

/** Runs the CLI on `argv` (process.argv shape) and returns the exit code. */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError || error instanceof KintsugiError) {
      io.err(`kintsugi: ${error.message}`);
      return 1;
    }
    io.err(
      `kintsugi: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 2;
  }
}
