/** `GET /_local/preview`: every email and page of the program, rendered with sample data. */
import { renderPreviewPage } from '../preview-page';
import { htmlPage, type LocalRoute } from './context';

export const PREVIEW_ROUTES: readonly LocalRoute[] = [
  { method: 'GET', path: '/_local/preview', handle: async ({ deps }) => htmlPage(renderPreviewPage(deps)) },
];
