/** `/_local/clock`: the simulated time, and moving it forward (every dispatch due on the way runs). */
import { Duration } from 'luxon';
import { ValidationError } from '../../functions/shared/errors';
import { json } from '../../functions/shared/http';
import { type LocalRoute, parseJson } from './context';

export const CLOCK_ROUTES: readonly LocalRoute[] = [
  {
    method: 'GET',
    path: '/_local/clock',
    handle: async ({ clock }) => json(200, { now: clock.now().toISOString() }),
  },
  {
    method: 'POST',
    path: '/_local/clock',
    async handle({ clock, advanceTo }, { body }) {
      const input = parseJson(body);
      let target: Date;
      if (typeof input.advance === 'string') {
        const duration = Duration.fromISO(input.advance);
        if (!duration.isValid || duration.toMillis() < 0) {
          throw new ValidationError(
            'invalid_duration',
            'advance must be an ISO-8601 duration such as P7D or PT12H.',
            'advance',
          );
        }
        target = new Date(clock.now().getTime() + duration.toMillis());
      } else if (typeof input.to === 'string' && !Number.isNaN(Date.parse(input.to))) {
        target = new Date(input.to);
        if (target < clock.now())
          throw new ValidationError('clock_backwards', 'The clock only moves forward.', 'to');
      } else {
        throw new ValidationError(
          'invalid_clock',
          'Send {"advance":"P7D"} or {"to":"<ISO instant>"}.',
          'advance',
        );
      }
      return json(200, await advanceTo(target, { outage: input.outage === true }));
    },
  },
];
