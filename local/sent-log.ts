import type { Clock } from '../functions/ports/clock';
import type { Deps } from '../functions/use-cases/deps';

/**
 * What the local runtime sent, by simulated time. The emulators stamp messages with real time, so the
 * simulated time of each is remembered here; and what went out is counted as it goes, so a fast-forward
 * never lists the emulators' whole outboxes.
 */
export class SentLog {
  readonly outbound = { email: 0, sms: 0 };
  private readonly sentAt = new Map<string, string>();

  constructor(private readonly clock: Clock) {}

  /** Notes that message `id` passed now (simulated time); `channel` counts it as sent by the program. */
  stamp(id: string, channel?: 'email' | 'sms'): void {
    this.sentAt.set(id, this.clock.now().toISOString());
    if (channel) this.outbound[channel]++;
  }

  /** The simulated time message `id` passed at, else `fallback` (the emulator's own stamp). */
  at(id: string, fallback: string): string {
    return this.sentAt.get(id) ?? fallback;
  }

  /** `base` with a mailer and an SMS sender that stamp and count what they send. */
  recording(base: Deps): Deps {
    return {
      ...base,
      mailer: {
        send: async (email) => {
          const id = await base.mailer.send(email);
          this.stamp(id, 'email');
          return id;
        },
      },
      sms: {
        send: async (to, body) => {
          const result = await base.sms.send(to, body);
          if (result.kind === 'accepted') this.stamp(result.providerId, 'sms');
          return result;
        },
      },
    };
  }
}
