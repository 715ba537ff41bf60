import BaseTwilio from 'twilio/lib/base/BaseTwilio';
import Domain from 'twilio/lib/base/Domain';
import type RequestClient from 'twilio/lib/base/RequestClient';
import Version from 'twilio/lib/base/Version';
import type V2010 from 'twilio/lib/rest/api/V2010';
import { MessageListInstance } from 'twilio/lib/rest/api/v2010/account/message';

export interface MessagesClientOptions {
  accountSid: string;
  authToken: string;
  /** e.g. a LocalRequestClient, to talk to the local Twilio-shaped server. */
  httpClient?: RequestClient;
}

export interface CreatedMessage {
  sid: string;
  status: string;
  numSegments: string;
}

export interface MessagesClient {
  create(params: {
    to: string;
    from: string;
    body: string;
    statusCallback?: string;
  }): Promise<CreatedMessage>;
}

/**
 * Twilio's Messages API alone, from the `twilio` package's own generated code (same requests, auth and
 * RestException errors as `twilio(...).messages`), without loading every other Twilio product.
 */
export function createMessagesClient(options: MessagesClientOptions): MessagesClient {
  const client = new BaseTwilio.Client(options.accountSid, options.authToken, {
    ...(options.httpClient ? { httpClient: options.httpClient } : {}),
  });
  // The same chain `twilio(...).api.v2010.account.messages` builds: Domain → Version "2010-04-01" → list.
  // The list only calls `version.create(...)`, so a plain Version stands in for the full V2010 class.
  const version = new Version(new Domain(client, 'https://api.twilio.com'), '2010-04-01');
  const messages = MessageListInstance(version as V2010, options.accountSid);
  return {
    create: async ({ to, from, body, statusCallback }) => {
      const message = await messages.create({
        to,
        from,
        body,
        ...(statusCallback ? { statusCallback } : {}),
      });
      return { sid: message.sid, status: message.status, numSegments: message.numSegments };
    },
  };
}
