/**
 * Each step's email body read from its own file (generated/step-bodies/<language>/<step id>.json, written
 * by the build) when a step is first sent, instead of all 170 with the catalog at every start: the send
 * function, which composes step emails, starts without their bytes. Bundled, each file becomes a module of
 * its own that is read at its first `import()` (infra/lambda-bundling.ts); a warm function reads it once.
 */
import type { StepBodies, StepBody } from '../program/types';

export const stepBodiesAtFirstUse: StepBodies = async (language, stepId) => {
  try {
    const module = (await import(`../../generated/step-bodies/${language}/${stepId}.json`)) as {
      default: StepBody;
    };
    return module.default;
  } catch {
    // No file: the step has no body of its own (a question whose question is the email). A lesson without
    // one is refused where it is composed (program/step-bodies.ts), so it never goes out empty.
    return undefined;
  }
};
