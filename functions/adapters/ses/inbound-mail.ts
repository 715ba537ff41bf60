import PostalMime from 'postal-mime';

/** The SES receipt notification (SNS action, UTF-8 encoding): the message's envelope, verdicts and MIME. */
export interface SesReceivedNotification {
  notificationType: 'Received';
  mail: { messageId: string; source: string; timestamp: string };
  receipt: {
    spamVerdict: Verdict;
    virusVerdict: Verdict;
    spfVerdict: Verdict;
    dkimVerdict: Verdict;
    dmarcVerdict: Verdict;
  };
  /** The raw MIME message (SNS carries messages up to 150 KB; larger ones bounce at SES). */
  content: string;
}

interface Verdict {
  status: 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED' | 'DISABLED';
}

/** An email reply, as the use case needs it. */
export interface InboundEmail {
  messageId: string;
  from: string;
  subject: string;
  text: string;
  /** Message ids the reply answers (In-Reply-To, References), without angle brackets. */
  inReplyTo: string[];
}

/**
 * Whether SES vouches for the sender: no spam or virus, DMARC not failed, and SPF or DKIM passed.
 * Anyone can write any From address; only an authenticated one may answer a participant's check-in.
 */
export function isAuthenticated(receipt: SesReceivedNotification['receipt']): boolean {
  if (receipt.spamVerdict.status === 'FAIL' || receipt.virusVerdict.status === 'FAIL') return false;
  if (receipt.dmarcVerdict.status === 'FAIL') return false;
  return receipt.spfVerdict.status === 'PASS' || receipt.dkimVerdict.status === 'PASS';
}

const ids = (header: string | undefined) =>
  [...(header ?? '').matchAll(/<([^>]+)>/g)].map((m) => m[1] as string);

/** Reads the parts of a raw MIME message a reply needs: sender, subject, plain text, what it answers. */
export async function parseInboundMail(messageId: string, raw: string): Promise<InboundEmail> {
  const mail = await PostalMime.parse(raw);
  const text = mail.text ?? (mail.html ? mail.html.replace(/<[^>]+>/g, ' ') : '');
  return {
    messageId,
    from: (mail.from?.address ?? '').toLowerCase(),
    subject: mail.subject ?? '',
    text,
    inReplyTo: [...ids(mail.inReplyTo), ...ids(mail.references)],
  };
}
