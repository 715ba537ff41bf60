/** What every command gets: where to write, the global options, and the target they name. */
import type { Command } from 'commander';
import { connect } from './connect';
import type { Target } from './target';

/** Where a command writes: stdout and stderr for the real CLI, buffers in tests. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

/** The options every command accepts (set on the program, before or after the command's name). */
export interface GlobalOptions {
  url: string;
  stack?: string;
  region?: string;
  json?: boolean;
}

const ios = new WeakMap<Command, CliIo>();

/** Gives a program (and every command under it) its output. */
export function attachIo(program: Command, io: CliIo): void {
  ios.set(program, io);
}

function rootOf(command: Command): Command {
  let root = command;
  while (root.parent) root = root.parent;
  return root;
}

export interface CommandContext {
  io: CliIo;
  options: GlobalOptions;
  /** Connects to the local runtime or the stack (once per command). */
  target(): Promise<Target>;
  /** Prints `value` as JSON with --json, else calls `human`. */
  print<T>(value: T, human: (value: T) => string): void;
}

/** The context of the running command. */
export function contextOf(command: Command): CommandContext {
  const io = ios.get(rootOf(command)) ?? processIo;
  const options = command.optsWithGlobals<GlobalOptions>();
  let connected: Promise<Target> | undefined;
  return {
    io,
    options,
    target: () => {
      connected ??= connect(options);
      return connected;
    },
    print(value, human) {
      io.out(options.json ? JSON.stringify(value, null, 2) : human(value));
    },
  };
}
