/** The whole compiled program, every part included: for the local runtime, the CLI, previews and benchmarks. */
import { catalogWith } from './compiled';
import { withEnrollmentEmails } from './with-enrollment-emails';
import { withInvitationLayout } from './with-invitation-layout';
import { withStepBodies } from './with-step-bodies';

export const completeCatalog = catalogWith([withStepBodies, withEnrollmentEmails, withInvitationLayout]);
