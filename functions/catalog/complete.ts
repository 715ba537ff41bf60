/** The whole compiled program, every part included: for the local runtime, the CLI, previews and benchmarks. */
import { catalogWith } from './compiled';
import { withEmailLayouts } from './with-email-layouts';
import { withEnrollmentEmails } from './with-enrollment-emails';
import { withInvitationLayout } from './with-invitation-layout';
import { withStepBodies } from './with-step-bodies';
import { withStepLayouts } from './with-step-layouts';

export const completeCatalog = catalogWith([
  withStepBodies,
  withEnrollmentEmails,
  withEmailLayouts,
  withStepLayouts,
  withInvitationLayout,
]);
