import type { Clock } from '../ports/clock';
import type { Mailer } from '../ports/mailer';
import type { OperatorAlerts } from '../ports/operator-alerts';
import type { SendQueue } from '../ports/queue';
import type { SmsSender, WebhookVerifier } from '../ports/sms';
import type { Store } from '../ports/store';
import type { Catalog, StepBodies } from '../program/types';
import type { Config } from '../shared/config';
import type { TokenSigner } from '../shared/tokens';

/** Everything a use case may touch, injected: AWS adapters in Lambda, emulator-backed ones locally. */
export interface Deps {
  config: Config;
  catalog: Catalog;
  /**
   * Step bodies read one at a time at their first use (the send function's), when its catalog carries
   * none; without it, step emails take their bodies from the catalog.
   */
  stepBodies?: StepBodies;
  store: Store;
  mailer: Mailer;
  sms: SmsSender;
  webhooks: WebhookVerifier;
  queue: SendQueue;
  /** Tells an operator when a message shows signs of danger (id and category only). */
  alerts: OperatorAlerts;
  clock: Clock;
  tokens: TokenSigner;
  /** The keyed hash erasure tombstones are stored under (program/consent.ts contactHash). */
  contactHash(contact: string): string;
  newId(): string;
}

/**
 * What a use case takes: the dependencies it names, with the store narrowed to the kinds of data it reads
 * or writes (`UsesStore<ReplyStore, 'clock'>`), so its signature says which they are.
 */
export type UsesStore<S, K extends Exclude<keyof Deps, 'store'> = never> = Pick<Deps, K> & { store: S };
