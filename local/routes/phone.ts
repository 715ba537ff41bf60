/** `GET /_local/phone`: each number's SMS thread, with a box to reply. */
import { renderPhonePage } from '../phone-page';
import { htmlPage, type LocalRoute } from './context';

export const PHONE_ROUTES: readonly LocalRoute[] = [
  { method: 'GET', path: '/_local/phone', handle: async () => htmlPage(renderPhonePage()) },
];
