/** The local runtime's own routes, under `/_local/` (they do not exist in AWS), one module per concern. */
import { ADMIN_ROUTES } from './admin';
import { CLOCK_ROUTES } from './clock';
import type { LocalRoute } from './context';
import { EMAIL_ROUTES } from './email';
import { OUTCOMES_ROUTES } from './outcomes';
import { PHONE_ROUTES } from './phone';
import { PREVIEW_ROUTES } from './preview';
import { SAFETY_ROUTES } from './safety';
import { SMS_ROUTES } from './sms';

export type { LocalContext, LocalRequest, LocalRoute } from './context';
export { programHandleFor } from './program';

/** Every `/_local/*` route, with its method and path (tests find the local pages here). */
export const LOCAL_ROUTES: readonly LocalRoute[] = [
  ...CLOCK_ROUTES,
  ...SMS_ROUTES,
  ...EMAIL_ROUTES,
  ...PREVIEW_ROUTES,
  ...SAFETY_ROUTES,
  ...PHONE_ROUTES,
  ...ADMIN_ROUTES,
  ...OUTCOMES_ROUTES,
];

/** The local route for `method` `path`, or undefined. */
export const localRouteFor = (method: string, path: string): LocalRoute | undefined =>
  LOCAL_ROUTES.find((route) => route.method === method && route.path === path);
