/**
 * The operator's actions by name, each a use case of this folder with its input checked. The local runtime
 * serves them as `POST /_local/admin/<name>` (local/routes/admin.ts); the CLI (cli/) calls them over that
 * route, or directly against a deployed stack's table. One table, two transports.
 */
import * as z from 'zod/mini';
import { ValidationError } from '../../shared/errors';
import type { Deps } from '../deps';
import { deleteParticipant, exportParticipant } from './export-and-delete';
import { listParticipants } from './list-participants';
import { programOutcomes } from './outcomes';
import { participantReport } from './participant-report';
import { participantTimeline } from './participant-timeline';
import { pauseParticipant, resumeParticipant } from './pause-and-resume';
import { markFlagHandled, safetyInbox } from './safety-inbox';

const who = z.string().check(z.minLength(1), z.maxLength(320));
const flag = z.optional(z.boolean());
const day = z.optional(z.number().check(z.int(), z.minimum(-1), z.maximum(400)));

/** What each operation takes. */
const INPUTS = {
  list: z.object({
    status: z.optional(z.enum(['pending', 'active', 'completed', 'paused'])),
    dayFrom: day,
    dayTo: day,
    flagged: flag,
    limit: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(10_000))),
  }),
  show: z.object({ who, withText: flag }),
  pause: z.object({ who, days: z.number().check(z.int(), z.minimum(1), z.maximum(365)) }),
  resume: z.object({ who, force: flag }),
  export: z.object({ who }),
  delete: z.object({ who }),
  report: z.object({ who }),
  inbox: z.object({ all: flag, withText: flag }),
  handled: z.object({ who }),
  outcomes: z.object({ cohort: z.optional(z.string().check(z.maxLength(10))) }),
};

export type AdminOperation = keyof typeof INPUTS;
export type AdminInput<K extends AdminOperation> = z.output<(typeof INPUTS)[K]>;

const RUN = {
  list: (deps, input) => listParticipants(deps, input),
  show: (deps, input) => participantTimeline(deps, input.who, { withText: input.withText ?? false }),
  pause: (deps, input) => pauseParticipant(deps, input.who, input.days),
  resume: (deps, input) => resumeParticipant(deps, input.who, { force: input.force ?? false }),
  export: (deps, input) => exportParticipant(deps, input.who),
  delete: (deps, input) => deleteParticipant(deps, input.who),
  report: (deps, input) => participantReport(deps, input.who),
  inbox: (deps, input) => safetyInbox(deps, { all: input.all ?? false, withText: input.withText ?? false }),
  handled: (deps, input) => markFlagHandled(deps, input.who),
  outcomes: (deps, input) => programOutcomes(deps, input.cohort ? { cohort: input.cohort } : {}),
} satisfies { [K in AdminOperation]: (deps: Deps, input: AdminInput<K>) => Promise<unknown> };

export type AdminResult<K extends AdminOperation> = Awaited<ReturnType<(typeof RUN)[K]>>;

export const ADMIN_OPERATIONS = Object.keys(INPUTS) as AdminOperation[];

/** Checks an operation's input; a ValidationError names the first bad field. */
export function parseAdminInput<K extends AdminOperation>(operation: K, input: unknown): AdminInput<K> {
  const parsed = z.safeParse(INPUTS[operation], input);
  if (parsed.success) return parsed.data as AdminInput<K>;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? 'body');
  throw new ValidationError(`invalid_${field}`, `${field}: ${issue?.message ?? 'not valid'}`, field);
}

/** Runs one operation against `deps`, its input checked first. */
export async function runAdminOperation<K extends AdminOperation>(
  deps: Deps,
  operation: K,
  input: unknown,
): Promise<AdminResult<K>> {
  // Each entry of RUN takes its own operation's input (checked by `satisfies` above).
  const run = RUN[operation] as unknown as (deps: Deps, input: AdminInput<K>) => Promise<AdminResult<K>>;
  return run(deps, parseAdminInput(operation, input));
}
