/**
 * Where the CLI's commands go: the local runtime (its HTTP API and `/_local/admin/*` routes,
 * local-target.ts), or a deployed stack (the participant-facing API at its public URL, and the admin use
 * cases run here over the stack's DynamoDB table with the operator's own AWS credentials,
 * stack-target.ts). connect.ts picks one; this module imports neither.
 */
import type { AdminInput, AdminOperation, AdminResult } from '../functions/use-cases/operator/operations';

/** A command failed in a way the operator can act on; the CLI prints the message alone. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

export interface Target {
  kind: 'local' | 'stack';
  /** What the operator named: the local URL or the stack's name. */
  label: string;
  /** The base of the participant-facing API (the form, /enrollments, /report…). */
  publicUrl: string;
  /** Runs one operator action (functions/use-cases/operator/). */
  admin<K extends AdminOperation>(operation: K, input: AdminInput<K>): Promise<AdminResult<K>>;
}

export interface TargetOptions {
  url: string;
  stack?: string;
  region?: string;
}
