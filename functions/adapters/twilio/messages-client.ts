import type BaseTwilio from 'twilio/lib/base/BaseTwilio';
import Domain from 'twilio/lib/base/Domain';
import type RequestClient from 'twilio/lib/base/RequestClient';
import Version from 'twilio/lib/base/Version';
import type V2010 from 'twilio/lib/rest/api/V2010';
import { MessageListInstance } from 'twilio/lib/rest/api/v2010/account/message';
import { FetchTwilioTransport, type TwilioTransport } from './fetch-transport';

export interface MessagesClientOptions {
  accountSid: string;
  authToken: string;
  /** Replaces `https://api.twilio.com`: the local Twilio-shaped server. */
  baseUrl?: string;
  /**
   * Twilio's own axios-based HTTP client (e.g. a LocalRequestClient), in place of the fetch transport.
   * Tests use it to show both send the same requests; functions never load it (it is ~330 KB bundled).
   */
  httpClient?: RequestClient;
  /** Milliseconds a request may take before it is abandoned (Twilio's own default is 30 s). */
  timeoutMs?: number;
}

export interface CreatedMessage {
  sid: string;
  status: string;
  numSegments: string;
}

export interface MessagesClient {
  create(params: {
    to: string;
    /** A sender number, or else `messagingServiceSid` (MG…): Twilio then picks the service's sender. */
    from?: string;
    messagingServiceSid?: string;
    body: string;
    statusCallback?: string;
  }): Promise<CreatedMessage>;
}

/**
 * Twilio's Messages API alone, from the `twilio` package's own generated code (same requests, auth and
 * RestException errors as `twilio(...).messages`), without loading every other Twilio product, nor
 * Twilio's axios-based HTTP client: requests go through Node's `fetch` (see FetchTwilioTransport).
 */
export function createMessagesClient(options: MessagesClientOptions): MessagesClient {
  const transport: TwilioTransport = options.httpClient
    ? viaRequestClient(options.httpClient, options)
    : new FetchTwilioTransport(options);
  // The same chain `twilio(...).api.v2010.account.messages` builds: Domain → Version "2010-04-01" → list.
  // Domain calls only `request` on its client, and the list only `version.create(...)`, so the transport
  // stands in for the full client and a plain Version for the full V2010 class.
  const domain = new Domain(transport as unknown as BaseTwilio.Client, 'https://api.twilio.com');
  const messages = MessageListInstance(new Version(domain, '2010-04-01') as V2010, options.accountSid);
  return {
    create: async ({ to, from, messagingServiceSid, body, statusCallback }) => {
      const message = await messages.create({
        to,
        ...(messagingServiceSid ? { messagingServiceSid } : { from }),
        body,
        ...(statusCallback ? { statusCallback } : {}),
      });
      return { sid: message.sid, status: message.status, numSegments: message.numSegments };
    },
  };
}

/** A Twilio RequestClient as the transport: it takes the credentials with each request, as BaseTwilio passes them. */
function viaRequestClient(client: RequestClient, options: MessagesClientOptions): TwilioTransport {
  return {
    request: async (opts) => {
      const response = await client.request({
        ...opts,
        method: opts.method ?? 'get',
        uri: opts.uri ?? '',
        username: options.accountSid,
        password: options.authToken,
        timeout: opts.timeout ?? options.timeoutMs,
      });
      return { statusCode: response.statusCode, body: response.body, headers: response.headers ?? {} };
    },
  };
}
