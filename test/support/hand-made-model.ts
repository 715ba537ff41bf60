/**
 * A small hand-made danger model (the shape of program/safety-model.ts's trained one) for tests that need
 * to see one promise alone: it hears `HURT` as danger of abuse and `GONE` as danger to oneself, and nothing
 * in `CALM`. As training would, it weighs only what those sentences have and the calm ones lack.
 */
import { featuresOf, HEAD_NAMES, type LinearModel } from '../../functions/program/safety-model';

export const BUCKETS = 1 << 14;
export const HURT = 'he hit me so hard last night that I could not stand up';
export const GONE = 'I keep thinking everyone would be better off if I was gone for good';
export const CALM = [
  'We went for a long walk by the river on Sunday morning after breakfast.',
  'The kids spent most of the afternoon building a fort out of old blankets.',
  'My sister called to talk about her new job and the long commute it brings.',
  'Dinner was quiet and we watched a film about a family of bakers in Lyon.',
  'I finished the book my friend lent me and I am going to return it soon.',
  'Work has been busy this week but the project is nearly done at last.',
];

export function handMade(bias = -4, weight = 0.6): LinearModel {
  const calm = new Set(CALM.flatMap((text) => [...featuresOf(text).hashes].map((h) => h & (BUCKETS - 1))));
  const heads = Object.fromEntries(
    HEAD_NAMES.map((name) => [name, { bias, weights: new Float32Array(BUCKETS) }]),
  ) as LinearModel['heads'];
  const teach = (text: string, names: (typeof HEAD_NAMES)[number][]) => {
    for (const h of featuresOf(text).hashes) {
      const bucket = h & (BUCKETS - 1);
      if (!calm.has(bucket)) for (const name of names) (heads[name].weights[bucket] as number) += weight;
    }
  };
  teach(HURT, ['danger', 'signal', 'abuse']);
  teach(GONE, ['danger', 'signal', 'self-harm']);
  return { heads };
}
