/** The public HTTP API: the same routes in AWS (API Gateway) and locally. Each names its handler file. */
export const HTTP_ROUTES = [
  { method: 'GET', path: '/', handler: 'enroll' },
  { method: 'POST', path: '/enrollments', handler: 'enroll' },
  { method: 'POST', path: '/fresh-link', handler: 'enroll' },
  { method: 'GET', path: '/confirm', handler: 'confirm' },
  { method: 'POST', path: '/confirm', handler: 'confirm' },
  { method: 'POST', path: '/sms/inbound', handler: 'sms-inbound' },
  { method: 'POST', path: '/sms/status', handler: 'sms-status' },
  { method: 'GET', path: '/unsubscribe', handler: 'unsubscribe' },
  { method: 'POST', path: '/unsubscribe', handler: 'unsubscribe' },
  { method: 'GET', path: '/checkin', handler: 'checkin' },
  { method: 'POST', path: '/checkin', handler: 'checkin' },
  { method: 'GET', path: '/report', handler: 'report' },
  { method: 'POST', path: '/report', handler: 'report' },
  { method: 'GET', path: '/report/pdf', handler: 'report' },
  { method: 'GET', path: '/shared', handler: 'report' },
  { method: 'GET', path: '/privacy', handler: 'privacy' },
  { method: 'POST', path: '/privacy', handler: 'privacy' },
  { method: 'GET', path: '/settings', handler: 'settings' },
  { method: 'POST', path: '/settings', handler: 'settings' },
  { method: 'GET', path: '/partner', handler: 'partner' },
  { method: 'POST', path: '/partner', handler: 'partner' },
  { method: 'GET', path: '/invitations/stop', handler: 'partner' },
  { method: 'POST', path: '/invitations/stop', handler: 'partner' },
] as const;

export type HttpHandlerName = (typeof HTTP_ROUTES)[number]['handler'];
