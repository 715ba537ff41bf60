/**
 * The web pages in English or Spanish: the form by the browser's Accept-Language or its switch (?lang=),
 * posted with its language, its mistakes in Spanish; every page a participant's link opens in the
 * enrollment's language; a broken link's page in the browser's. Run through the handlers over the
 * in-memory fakes, as a browser asks for them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import * as checkin from '../../functions/handlers/checkin';
import * as enroll from '../../functions/handlers/enroll';
import * as partner from '../../functions/handlers/partner';
import * as privacy from '../../functions/handlers/privacy';
import * as settings from '../../functions/handlers/settings';
import * as unsubscribe from '../../functions/handlers/unsubscribe';
import { checkinPage, checkinRecordedPage } from '../../functions/pages/checkin';
import { chooseLanguage, languageOfHeader } from '../../functions/pages/language';
import { dayOn, timeOfDay, weekdayName } from '../../functions/pages/words/dates';
import { LANGUAGE_NAMES } from '../../functions/pages/words/settings';
import type { Enrollment } from '../../functions/program/enrollment';
import type { HttpEvent, HttpResult } from '../../functions/shared/http';
import type { Deps } from '../../functions/use-cases/deps';
import { type FakeWorld, fakeWorld } from '../support/fake-deps';
import { enrollmentRecord } from '../support/records';

const SPANISH_BROWSER = 'es-MX,es;q=0.9,en;q=0.8';

let w: FakeWorld;
let requests = 0;
beforeEach(() => {
  w = fakeWorld();
});

/** A browser's request (payload 2.0) with its Accept-Language, a form body if given. */
function request(
  method: 'GET' | 'POST',
  url: string,
  options: { form?: Record<string, string>; language?: string } = {},
): HttpEvent {
  const { pathname, search, searchParams } = new URL(url, 'https://kintsugi.test');
  const headers: Record<string, string> = {
    accept: 'text/html',
    ...(options.language ? { 'accept-language': options.language } : {}),
  };
  let body: string | undefined;
  if (options.form) {
    body = new URLSearchParams(options.form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  return {
    version: '2.0',
    routeKey: `${method} ${pathname}`,
    rawPath: pathname,
    rawQueryString: search.slice(1),
    headers,
    ...(search ? { queryStringParameters: Object.fromEntries(searchParams) } : {}),
    requestContext: {
      requestId: `req-${++requests}`,
      http: { method, path: pathname, sourceIp: '203.0.113.9', userAgent: 'pages-test' },
    },
    isBase64Encoded: false,
    ...(body !== undefined ? { body } : {}),
  } as unknown as HttpEvent;
}

type Handle = (deps: Deps, event: HttpEvent) => Promise<HttpResult>;
const open = async (handle: Handle, event: HttpEvent) => {
  const result = await handle(w.deps, event);
  return { status: result.statusCode, page: String(result.body) };
};

/** A running program in Spanish (or English), with texts, in Chicago. */
async function running(language?: 'es'): Promise<Enrollment> {
  const enrollment = enrollmentRecord('enr-1', {
    status: 'active',
    timezone: 'America/Chicago',
    day0: '2026-03-03',
    phone: '+14155550134',
    smsStatus: 'active',
    ...(language ? { language } : {}),
  });
  await w.store.createEnrollment(enrollment);
  return enrollment;
}
const link = (path: string, purpose: Parameters<Deps['tokens']['sign']>[0], ref?: string) =>
  `${path}?token=${encodeURIComponent(w.deps.tokens.sign(purpose, 'enr-1', ref))}`;

describe('which language a page without an enrollment speaks', () => {
  it('reads Accept-Language with its q-values, a regional Spanish counting as Spanish', () => {
    expect(languageOfHeader('es-MX,es;q=0.9,en;q=0.8')).toBe('es');
    expect(languageOfHeader('en-US,en;q=0.9,es;q=0.8')).toBe('en');
    expect(languageOfHeader('fr-FR, es;q=0.7, en;q=0.5')).toBe('es');
    expect(languageOfHeader('en;q=0.4, es-US;q=0.6')).toBe('es');
    expect(languageOfHeader('es;q=0, en;q=0.1')).toBe('en');
    expect(languageOfHeader('de-DE,fr;q=0.8')).toBe('en');
    expect(languageOfHeader(undefined)).toBe('en');
    expect(languageOfHeader('es;q=nonsense')).toBe('en');
  });

  it('lets the switch (?lang=) win over the browser', () => {
    expect(chooseLanguage('en', SPANISH_BROWSER)).toBe('en');
    expect(chooseLanguage('ES', 'en-US')).toBe('es');
    expect(chooseLanguage('fr', SPANISH_BROWSER)).toBe('es');
  });
});

describe('dates, times and weekdays on Spanish pages', () => {
  it('writes them as Spanish readers expect, through Intl in US Spanish, with the clock of the zone', () => {
    expect(dayOn('2027-01-05T18:00:00Z', 'America/Chicago', 'es')).toBe('martes, 5 de enero');
    expect(timeOfDay('19:00', 'America/Chicago', 'es')).toBe('7 p.m.');
    expect(timeOfDay('13:30', 'America/Chicago', 'es')).toBe('1:30 p.m.');
    expect(timeOfDay('19:00', 'Europe/Madrid', 'es')).toBe('19:00');
    expect(weekdayName('sunday', 'es')).toBe('domingo');
    expect(weekdayName('wednesday', 'es')).toBe('miércoles');
  });

  it('keeps the English words as they were', () => {
    expect(dayOn('2027-01-05T18:00:00Z', 'America/Chicago', 'en')).toBe('Tuesday, January 5');
    expect(timeOfDay('19:00', 'America/Chicago', 'en')).toBe('7 PM');
    expect(weekdayName('sunday', 'en')).toBe('Sunday');
  });
});

describe('the enrollment form', () => {
  it('comes in Spanish when the browser prefers Spanish, with the switch and the language it posts', async () => {
    const { page } = await open(enroll.handle, request('GET', '/', { language: SPANISH_BROWSER }));
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('Reconstruir la confianza, una semana a la vez');
    expect(page).toContain('<input type="hidden" name="language" value="es">');
    expect(page).toMatch(
      /<a href="\/\?lang=en" lang="en" hreflang="en">English<\/a> · <a href="\/\?lang=es"[^>]*aria-current="page">Español<\/a>/,
    );
    // Weekday names in Spanish, their values as the API takes them.
    expect(page).toContain('<option value="sunday" selected>Domingo</option>');
    expect(page).toContain('<option value="wednesday">Miércoles</option>');
    expect(page).toContain('>7 p.m.</option>');
    expect(page).toContain('llama al 988 y oprime 2 para español');
    expect(page).toContain('1-800-799-7233 (atienden en español)');
    expect(page).toContain('Elige tu zona horaria');
    expect(page).toContain('>Estados Unidos (+1)</option>');
    // The US zones by their Spanish names; the values stay the IANA names.
    expect(page).toMatch(
      /<option value="America\/Los_Angeles"[^>]*>Hora del Pacífico – Los Angeles<\/option>/,
    );
    expect(page).not.toContain('>Pacific Time');
  });

  it('comes in English for an English browser, and the switch wins over the browser either way', async () => {
    const english = await open(enroll.handle, request('GET', '/', { language: 'en-US,en;q=0.9' }));
    expect(english.page).toContain('<html lang="en">');
    expect(english.page).toContain('Rebuild trust, one week at a time');
    expect(english.page).toContain('<input type="hidden" name="language" value="en">');
    expect(english.page).toContain('<option value="sunday" selected>Sunday</option>');
    const asked = await open(enroll.handle, request('GET', '/?lang=es', { language: 'en-US' }));
    expect(asked.page).toContain('<html lang="es">');
    const back = await open(enroll.handle, request('GET', '/?lang=en', { language: SPANISH_BROWSER }));
    expect(back.page).toContain('<html lang="en">');
    expect(back.page).toContain('Send my confirmation email');
  });

  it('keeps an invitation in the switch', async () => {
    const { page } = await open(enroll.handle, request('GET', '/?invite=abc&lang=es'));
    expect(page).toContain('href="/?lang=en&amp;invite=abc"');
    expect(page).toContain('Tu pareja te invitó.');
  });

  it('brings a Spanish form back with each problem in Spanish, whatever the browser', async () => {
    const { status, page } = await open(
      enroll.handle,
      request('POST', '/enrollments', {
        form: { language: 'es', email: 'not-an-address', timezone: 'Mars/Olympus', phone: '12' },
        language: 'en-US',
      }),
    );
    expect(status).toBe(400);
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('Antes de enviarlo, revisa lo siguiente:');
    expect(page).toContain('Escribe un correo electrónico válido, por ejemplo nombre@ejemplo.com.');
    expect(page).toContain('Elige la opción que te describe.');
    expect(page).toContain('Elige tu zona horaria de la lista.');
    expect(page).not.toContain('Enter a valid email address');
    // The form keeps what was typed, and its language.
    expect(page).toContain('value="not-an-address"');
    expect(page).toContain('<input type="hidden" name="language" value="es">');
  });

  it('leaves the English form its own messages', async () => {
    const { page } = await open(
      enroll.handle,
      request('POST', '/enrollments', { form: { language: 'en', email: 'not-an-address' } }),
    );
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Enter a valid email address, like name@example.com.');
  });

  it('says "check your email" in Spanish after a Spanish form, and the enrollment is Spanish', async () => {
    const { status, page } = await open(
      enroll.handle,
      request('POST', '/enrollments', {
        form: { language: 'es', email: 'ana@example.com', timezone: 'America/Chicago', role: 'hurt' },
      }),
    );
    expect(status).toBe(202);
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('Revisa tu correo');
    expect(page).toContain('Busca un correo nuestro en <strong>ana@example.com</strong>.');
    expect(page).toContain('Enviar el correo otra vez');
    expect((await w.store.findByEmail('ana@example.com'))?.language).toBe('es');
  });
});

describe('pages a participant opens from a link, in the enrollment language', () => {
  it('settings: in Spanish, with Idioma / Language, and a change of language answered in the new one', async () => {
    await running('es');
    const { page } = await open(settings.handle, request('GET', link('/settings', 'settings')));
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('Cuándo te escribe Kintsugi');
    expect(page).toContain('<label for="language">Idioma / Language</label>');
    expect(page).toContain('<option value="es" lang="es" selected>Español</option>');
    expect(page).toContain('<option value="sunday" selected>Domingo</option>');
    expect(page).toContain('entre las 9 p.m. y las 8 a.m.');
    const saved = await open(
      settings.handle,
      request('POST', link('/settings', 'settings'), {
        form: { timezone: 'America/Chicago', checkinDay: 'sunday', checkinTime: '19:00', language: 'en' },
      }),
    );
    expect(saved.page).toContain('<html lang="en">');
    expect(saved.page).toContain('Saved. Your check-in comes on Sundays around 7 PM.');
    expect((await w.store.getEnrollment('enr-1'))?.language ?? 'en').toBe('en');
  });

  it('settings: says when the check-in comes, in Spanish', async () => {
    await running('es');
    const { page } = await open(
      settings.handle,
      request('POST', link('/settings', 'settings'), {
        form: { timezone: 'America/Chicago', checkinDay: 'saturday', checkinTime: '13:00', language: 'es' },
      }),
    );
    expect(page).toContain('Tu pregunta semanal llegará los sábados hacia la 1 p.m.');
  });

  it('settings: stays English for an enrollment with no language', async () => {
    await running();
    const { page } = await open(settings.handle, request('GET', link('/settings', 'settings')));
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('When Kintsugi writes to you');
    expect(page).toContain(`<option value="en" lang="en" selected>${LANGUAGE_NAMES.en}</option>`);
  });

  it('the check-in answer page and what it recorded', async () => {
    await running('es');
    const url = `${link('/checkin', 'checkin', 'hurt-safety#7')}&score=4`;
    const { page } = await open(checkin.handle, request('GET', url));
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('<h1>Tu pregunta</h1>');
    expect(page).toContain('Elegiste: <strong class="answer" id="answer">4 de 5</strong>');
    expect(page).toContain('Una nota privada (opcional)');
    expect(page).toContain('Guardar 4 de 5');
  });

  it('emails stopped, and paused instead, with a Spanish date', async () => {
    await running('es');
    const stop = await open(unsubscribe.handle, request('GET', link('/unsubscribe', 'unsubscribe')));
    expect(stop.page).toContain('<html lang="es">');
    expect(stop.page).toContain('Dejar de recibir mis correos');
    const stopped = await open(
      unsubscribe.handle,
      request('POST', link('/unsubscribe', 'unsubscribe'), { form: {} }),
    );
    expect(stopped.page).toContain('Correos detenidos');
    expect(stopped.page).toContain('Mejor pausar 7 días');
    const paused = await open(
      unsubscribe.handle,
      request('POST', link('/unsubscribe', 'unsubscribe'), { form: { action: 'pause', days: '7' } }),
    );
    expect(paused.page).toContain('<html lang="es">');
    // 2 March 2026 at noon UTC, plus seven days, in Chicago.
    expect(paused.page).toMatch(/En pausa hasta el (lunes|domingo), \d+ de marzo/);
    expect(paused.page).toContain('responde REANUDAR');
  });

  it('privacy, and the page after deleting (its form carried the language)', async () => {
    await running('es');
    const { page } = await open(privacy.handle, request('GET', link('/privacy', 'privacy')));
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('Tus datos');
    expect(page).toContain('<input type="hidden" name="language" value="es">');
    const deleted = await open(
      privacy.handle,
      request('POST', link('/privacy', 'privacy'), {
        form: { action: 'delete', language: 'es', confirm: 'yes' },
      }),
    );
    expect(deleted.page).toContain('Tus datos están borrados');
  });

  it('the partner page and the page after its button', async () => {
    await running('es');
    const { page } = await open(partner.handle, request('GET', link('/partner', 'partner')));
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('Invita a tu pareja');
    const shared = await open(
      partner.handle,
      request('POST', link('/partner', 'partner'), { form: { action: 'share', language: 'es' } }),
    );
    expect(shared.page).toContain('<html lang="es">');
    expect(shared.page).toContain('Compartiendo');
  });

  it('a broken link opens its page in the browser language, with the fresh-link form', async () => {
    await running('es');
    const { status, page } = await open(
      settings.handle,
      request('GET', '/settings?token=broken', { language: SPANISH_BROWSER }),
    );
    expect(status).toBeGreaterThanOrEqual(400);
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('Este enlace no es válido');
    expect(page).toContain('Envíame un enlace nuevo');
    expect(page).toContain('<input type="hidden" name="language" value="es">');
    const english = await open(
      settings.handle,
      request('GET', '/settings?token=broken', { language: 'en-GB' }),
    );
    expect(english.page).toContain('This link is not valid');
  });

  it('the fresh-link answer comes in the language of the page that asked', async () => {
    const { page } = await open(
      enroll.handle,
      request('POST', '/fresh-link', { form: { email: 'ana@example.com', for: 'settings', language: 'es' } }),
    );
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('Si esa dirección está en el programa, ya va en camino un enlace nuevo.');
  });
});

describe('the check-in pages after the button, and their one error', () => {
  const step = {
    id: 'hurt-safety',
    track: 'hurt' as const,
    kind: 'check-in' as const,
    channel: 'checkin' as const,
    weeks: [1],
    metric: 'honesty-safety' as const,
    scale: '1-5' as const,
    question: '¿Qué tan seguro te sentiste al ser honesto esta semana?',
    ideas: [],
  };
  const yesNo = { ...step, scale: 'yes-no' as const, question: '¿Tu pareja actúa de otra manera?' };

  it('says what was recorded and that it replaced an answer (never which), in Spanish', () => {
    const changed = checkinRecordedPage({
      step,
      score: 5,
      label: '5 of 5',
      previous: 3,
      note: 'kept',
      language: 'es',
    });
    expect(changed).toContain('<html lang="es">');
    expect(changed).toContain('<h1>Guardado: 5 de 5</h1>');
    expect(changed).toContain('Tu respuesta: <strong class="answer" id="answer">5 de 5</strong>');
    expect(changed).toContain('Ocupa el lugar de la respuesta que diste antes.');
    expect(changed).not.toMatch(/\b3 de 5|antes era/);
    expect(changed).toContain('Tu nota queda guardada con esta respuesta.');
    const yes = checkinRecordedPage({ step: yesNo, score: 1, label: 'Yes', note: 'none', language: 'es' });
    expect(yes).toContain('<h1>Guardado: Sí</h1>');
  });

  it('says the same in English', () => {
    const changed = checkinRecordedPage({ step, score: 5, label: '5 of 5', previous: 3, note: 'kept' });
    expect(changed).toContain('<html lang="en">');
    expect(changed).toContain('<h1>Noted: 5 of 5</h1>');
    expect(changed).toContain('It takes the place of the answer you gave before.');
    expect(changed).not.toMatch(/3 of 5|it was 3/);
  });

  it('shows a note over the limit in Spanish, keeping what was typed', () => {
    const note = 'x'.repeat(1200);
    const html = checkinPage(
      { step, score: 4, label: '4 of 5', language: 'es' },
      { action: '/checkin', pick: (s) => `/checkin?score=${s}` },
      { note, error: 'Your note is 1,200 characters long; the most it can hold is 1,000.' },
    );
    expect(html).toContain('Tu nota tiene 1,200 caracteres; lo máximo son 1,000.');
    expect(html).toContain('aria-label="Responder 5 de 5 en su lugar"');
    expect(html).not.toContain('Your note is');
  });
});

describe('the invited person\'s "no more invitations" pages', () => {
  it('come in the browser language', async () => {
    const url = `/invitations/stop?token=${encodeURIComponent(w.deps.tokens.sign('no-invitations', 'hash-1'))}`;
    const { page } = await open(partner.handle, request('GET', url, { language: SPANISH_BROWSER }));
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('No enviar más invitaciones');
    const english = await open(partner.handle, request('GET', url, { language: 'en-US' }));
    expect(english.page).toContain('Send no more invitations');
  });
});

describe('the messages translated for a page that no longer knows its reader’s language', () => {
  it('are each a message the program still says, word for word', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { PAGE_MESSAGES_IN } = await import('../../functions/pages/words/layout');
    const root = join(__dirname, '..', '..', 'functions');
    const sources = (readdirSync(root, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts') && !file.endsWith('words/layout.ts'))
      .map((file) => readFileSync(join(root, file), 'utf8'))
      .join('\n');
    const english = Object.keys(PAGE_MESSAGES_IN.es);
    expect(english.length).toBeGreaterThan(5);
    for (const message of english) expect(sources, message).toContain(`'${message}'`);
  });
});

describe('the time zone list in Spanish', () => {
  it('names every zone in Spanish: the country, the zone, and the cities Spanish names differently', async () => {
    const { zoneOptions } = await import('../../functions/pages/choices');
    const html = zoneOptions(undefined, 'es');
    const labels = [...html.matchAll(/<option value="([^"]+)"[^>]*>([^<]*)</g)].map(([, value, label]) => ({
      value,
      label: label ?? '',
    }));
    expect(labels.length).toBeGreaterThan(300);
    expect(labels.filter(({ label }) => /\bTime\b/.test(label))).toEqual([]);
    const of = (zone: string) => labels.find(({ value }) => value === zone)?.label;
    expect(of('America/Mexico_City')).toMatch(/^México – Ciudad de México \(hora .+\)$/);
    expect(of('Europe/Madrid')).toMatch(/^España – Madrid \(hora .*Europa central\)$/);
    expect(of('America/Chicago')).toBe('Hora del Centro – Chicago');
    expect(of('UTC')).toBe('Tiempo universal coordinado (UTC)');
    // In the order of the Spanish names, as a reader looks for them: Alemania before Austria (in English,
    // Austria comes before Germany).
    const order = labels.map(({ value }) => value);
    expect(order.indexOf('Europe/Berlin')).toBeGreaterThan(-1);
    expect(order.indexOf('Europe/Berlin')).toBeLessThan(order.indexOf('Europe/Vienna'));
    // English is unchanged.
    expect(zoneOptions(undefined, 'en')).toContain('Mexico – Mexico City (Central Time)');
  });
});
