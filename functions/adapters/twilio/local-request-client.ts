import RequestClient from 'twilio/lib/base/RequestClient';

const TWILIO_API = /^https:\/\/api\.twilio\.com(?=\/|$)/;

/**
 * The `twilio` client's HTTP client, pointed at a local Twilio-shaped server instead of api.twilio.com.
 * Pass it as `httpClient`: the real client then builds, authenticates and parses every request as usual.
 */
export class LocalRequestClient extends RequestClient {
  private readonly baseUrl: string;

  constructor(baseUrl: string, options?: RequestClient.RequestClientOptions) {
    super(options);
    this.baseUrl = baseUrl.replace(/\/+$/, '');
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    return super.request({ ...opts, uri: opts.uri.replace(TWILIO_API, this.baseUrl) });
  }
}
