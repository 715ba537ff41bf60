import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one structured logger. Log enrollment ids and outcomes, never an email address, a phone number
 * or the text of a reply: those are among the most private things a participant types.
 */
export const logger = new Logger({ serviceName: 'kintsugi' });
