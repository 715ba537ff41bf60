/**
 * The ideas the program carries, from the seed articles, each named once. A step lists the ideas it
 * carries in `ideas:`; content/coverage.md is built from those lists.
 */
export const SEED_IDEAS = {
  'step-1-what-broke': 'Step 1: naming the real breach under the event',
  'step-2-full-ownership': 'Step 2: the person who broke trust owns it fully, with no exits',
  'step-3-heard-completely': 'Step 3: the hurt person is heard in full, as often as needed',
  'step-4-changed-behaviour': 'Step 4: agreeing what changed behaviour looks like in practice',
  'step-5-temporary-structure': 'Step 5: a temporary accountability structure that loosens',
  'step-6-timeline-checkpoint': 'Step 6: a realistic timeline with a checkpoint at day 90',
  'step-7-root-not-symptom': 'Step 7: working on the root pattern, not only the symptom',
  'step-8-decide-together': 'Step 8: deciding together what the relationship becomes',
  'mistake-trust-on-schedule': 'Mistake: expecting trust to come back by a date',
  'mistake-breach-as-weapon': 'Mistake: reaching for the breach to win other arguments',
  'mistake-surface-only': 'Mistake: new gestures on top of an unchanged dynamic',
  'tip-consistency-log': 'Tip: a private log of follow-through, read as a pattern',
  'tip-name-wins': 'Tip: saying out loud when something feels different',
  'quick-three-questions':
    'The three quick questions: acting differently, safe to be honest, both showing up',
  'alt-therapy-from-start': 'Alternative: a couples therapist from the beginning',
  'alt-structured-separation': 'Alternative: a planned separation with a date to reconnect',
  'script-ownership': 'Script: words for taking full ownership',
  'script-ongoing-impact': 'Script: words for saying the hurt is still there',
  'script-weekly-check-in': 'Script: words for proposing a weekly check-in',
  'dear-man': 'DEAR MAN: a plan for saying a hard thing and asking for something',
  'five-cs': 'The five C’s of trust: care, communication, character, consistency, competence',
  'state-of-the-union': 'A weekly, planned talk about how the relationship is doing',
  'new-memories': 'Making new good memories together',
  vulnerability: 'Letting the walls down a little, when it feels safe enough',
  'realistic-forgiveness': 'Forgiveness as a slow process, not forgetting and not a deadline',
  'no-big-decisions': 'No big decisions in the first weeks after the breach',
  'professional-help': 'When to bring in a therapist, and when self-guided work is not enough',
  safety: 'Safety first: where to turn when home is not safe',
  'full-disclosure': 'One full, planned account of the truth rather than truth that trickles out',
  'end-contact': 'Ending contact with the affair partner: one final, shared message, no secret goodbye',
  // Beyond the list: further ideas of the seed articles that the program also carries.
  'time-outs': 'A pause, agreed in advance, when a talk gets too heated to be useful',
  'others-can-be-trusted': 'One breach does not mean no one can be trusted',
  'remorse-not-self-punishment': 'Real remorse, without sinking into self-punishment',
  'their-shoes': 'Imagining, in detail, what the breach was like for the partner',
  'their-side-not-gaslit': 'Hearing the partner’s account without being talked out of what happened',
  'ask-what-changed': 'When nothing feels different: asking what has changed in practice',
  'closeness-gradually': 'Closeness rebuilt slowly, emotional before physical, at the hurt person’s pace',
  'repair-not-revenge': 'Repair as the shared aim, not punishment or endless checking',
  'ending-is-not-failure': 'Seeing that a relationship cannot be rebuilt is clarity, not failure',
} as const;

export type SeedIdea = keyof typeof SEED_IDEAS;

export const SEED_IDEA_IDS = Object.keys(SEED_IDEAS) as [SeedIdea, ...SeedIdea[]];
