import type { ConsentStore } from './consent';
import type { DueIndex } from './due-index';
import type { EnrollmentStore } from './enrollments';
import type { InboundStore } from './inbound';
import type { MessageStore } from './messages';
import type { OutcomeStore } from './outcomes';
import type { PhoneNumberStore } from './phone-numbers';
import type { RateLimitStore } from './rate-limits';
import type { ReplyStore } from './replies';
import type { ReportShareStore } from './report-shares';
import type { ReportStore } from './reports';
import type { RetentionStore } from './retention';

export type { ConsentStore } from './consent';
export type { DueIndex, DuePage, UnsentClaim } from './due-index';
export type { EnrollmentConflict, EnrollmentPage, EnrollmentStore } from './enrollments';
export type { InboundClaim, InboundStore } from './inbound';
export type { Accepted, CountedWith, MarkSentOutcome, MessageChanges, MessageStore } from './messages';
export type { OutcomeStore, TallyOutcome } from './outcomes';
export type { PhoneNumberStore } from './phone-numbers';
export type { QuotaOutcome, QuotaRequest, RateLimitStore } from './rate-limits';
export type { AnswerWrite, ReplyStore } from './replies';
export type { ReportShareStore } from './report-shares';
export type { ReportStore } from './reports';
export type { RetentionStore } from './retention';

/**
 * Where everything the program keeps lives (one DynamoDB table in production): one object that is every
 * kind of store at once, so the composition root hands one around; a use case names only the kinds it uses.
 */
export type Store = EnrollmentStore &
  PhoneNumberStore &
  DueIndex &
  MessageStore &
  InboundStore &
  ReplyStore &
  ConsentStore &
  ReportStore &
  ReportShareStore &
  RateLimitStore &
  RetentionStore &
  OutcomeStore;
