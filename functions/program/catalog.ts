/** The compiled program (steps, system messages, email layouts), built by `npm run build`. */
import compiled from '../../generated/catalog.json';
import type { Catalog } from './types';

export const catalog: Catalog = compiled as Catalog;
