/** Picks the CLI's target: the local runtime at `--url`, or the stack named by `--stack`. */
import { localTarget } from './local-target';
import type { Target, TargetOptions } from './target';

/** The local runtime at `url`, or the stack named by `stack`. */
export async function connect(options: TargetOptions): Promise<Target> {
  if (options.stack) {
    // Loaded only for a stack: it pulls in the AWS SDK and the compiled program. A require, since tsx
    // leaves a dynamic import() to Node's ESM loader, which does not resolve extensionless .ts paths.
    const { connectToStack } = require('./stack-target') as typeof import('./stack-target');
    return connectToStack(options.stack, options.region);
  }
  return localTarget(options.url);
}
