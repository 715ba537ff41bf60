import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the proxy sees it: enough to pick the calls a fault is meant for. */
export interface ProxiedRequest {
  method: string;
  path: string;
  /** `X-Amz-Target` (DynamoDB's operation, e.g. `DynamoDB_20120810.PutItem`), if any. */
  target: string;
  body: string;
}

/** An error answer: HTTP status, AWS error type and message, as the AWS JSON protocols send them. */
export interface AwsErrorAnswer {
  status: number;
  type: string;
  message: string;
  /** A transaction's reasons, one per item, as DynamoDB gives them with TransactionCanceledException. */
  cancellationReasons?: { Code: string; Message?: string }[];
}

/**
 * What happens to a matching request: `refuse` answers with the error without forwarding it (a throttle);
 * `answer-after` forwards it, so the emulator acts on it, then answers with the error (a 500 after the
 * work was done); `hang-after` forwards it and never answers (the client times out).
 */
export type Fault =
  | { kind: 'refuse'; answer: AwsErrorAnswer }
  | { kind: 'answer-after'; answer: AwsErrorAnswer }
  | { kind: 'hang-after' };

interface Armed {
  when: (request: ProxiedRequest) => boolean;
  remaining: number;
  fault: Fault;
}

export interface FaultProxy {
  /** Use in place of the emulator's endpoint. */
  url: string;
  /** The next `count` requests that match `when` meet `fault`. */
  inject(count: number, when: (request: ProxiedRequest) => boolean, fault: Fault): void;
  /** Faults that fired so far. */
  fired(): number;
  /** Requests seen so far that match `when` (faulted or not). */
  seen(when: (request: ProxiedRequest) => boolean): number;
  stop(): Promise<void>;
}

/** The AWS JSON protocol's throttling answer for DynamoDB. */
export const DYNAMODB_THROTTLED: AwsErrorAnswer = {
  status: 400,
  type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
  message: 'The level of configured provisioned throughput for the table was exceeded.',
};

/** DynamoDB's answer to a conditional write whose condition did not hold. */
export const DYNAMODB_CONDITION_FAILED: AwsErrorAnswer = {
  status: 400,
  type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException',
  message: 'The conditional request failed',
};

/**
 * DynamoDB's answer to a transaction one of whose conditions did not hold: `codes` one per item
 * ('ConditionalCheckFailed' or 'None'), as real DynamoDB gives them.
 */
export const dynamodbTransactionCanceled = (codes: string[]): AwsErrorAnswer => ({
  status: 400,
  type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
  message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
  cancellationReasons: codes.map((Code) =>
    Code === 'ConditionalCheckFailed' ? { Code, Message: 'The conditional request failed' } : { Code },
  ),
});

/** SES v2's answer when the account's sending rate is exceeded. */
export const SES_THROTTLED: AwsErrorAnswer = {
  status: 429,
  type: 'TooManyRequestsException',
  message: 'Maximum sending rate exceeded.',
};

export const SES_INTERNAL_ERROR: AwsErrorAnswer = {
  status: 500,
  type: 'InternalFailure',
  message: 'The request processing has failed because of an unknown error.',
};

/**
 * A loopback HTTP proxy in front of an emulator (DynamoDB Local, the SES emulator) that fails chosen
 * requests below the AWS SDK, so the SDK's own retries and error parsing are part of what is tested.
 */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const target = new URL(upstream);
  const armed: Armed[] = [];
  const log: ProxiedRequest[] = [];
  const hanging = new Set<http.ServerResponse>();
  let fired = 0;

  const forward = (request: http.IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const outgoing = http.request(
        {
          host: target.hostname,
          port: target.port,
          method: request.method,
          path: request.url,
          headers: { ...request.headers, host: target.host },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 502,
              headers: response.headers,
              body: Buffer.concat(chunks),
            }),
          );
          response.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  const answer = (
    response: http.ServerResponse,
    { status, type, message, cancellationReasons }: AwsErrorAnswer,
  ) => {
    const payload = JSON.stringify({
      __type: type,
      message,
      ...(cancellationReasons ? { CancellationReasons: cancellationReasons } : {}),
    });
    response.writeHead(status, {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-errortype': type.split('#').pop() ?? type,
      'content-length': Buffer.byteLength(payload),
    });
    response.end(payload);
  };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      const seen: ProxiedRequest = {
        method: request.method ?? 'GET',
        path: request.url ?? '/',
        target: String(request.headers['x-amz-target'] ?? ''),
        body: body.toString('utf8'),
      };
      log.push(seen);
      const rule = armed.find((a) => a.remaining > 0 && a.when(seen));
      if (rule) {
        rule.remaining--;
        fired++;
      }
      const fault = rule?.fault;
      if (fault?.kind === 'refuse') return answer(response, fault.answer);
      forward(request, body)
        .then((upstreamAnswer) => {
          if (fault?.kind === 'answer-after') return answer(response, fault.answer);
          if (fault?.kind === 'hang-after') {
            hanging.add(response);
            response.on('close', () => hanging.delete(response));
            return;
          }
          response.writeHead(upstreamAnswer.status, upstreamAnswer.headers);
          response.end(upstreamAnswer.body);
        })
        .catch(() => {
          response.writeHead(502);
          response.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    inject: (count, when, fault) => {
      armed.push({ when, remaining: count, fault });
    },
    fired: () => fired,
    seen: (when) => log.filter(when).length,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const response of hanging) response.destroy();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A DynamoDB call of this operation (`PutItem`, `UpdateItem`…) whose request mentions `text`. */
export const dynamoCall =
  (operation: string, text = '') =>
  (request: ProxiedRequest): boolean =>
    request.target === `DynamoDB_20120810.${operation}` && request.body.includes(text);

/** An SES v2 SendEmail call. */
export const sesSendEmail = (request: ProxiedRequest): boolean =>
  request.method === 'POST' && request.path.startsWith('/v2/email/outbound-emails');
