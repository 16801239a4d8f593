import type { AddressInfo } from 'node:net';
import * as restify from 'restify';
import { registerCalendarRoute, type CalendarRouteDeps } from '../../src/http/calendarRoute';
import { signLink } from '../../src/features/links/signedLinks';

const secret = 'route-test-secret-that-is-long-enough-0123';
const now = new Date('2026-11-20T12:00:00Z');
const refusal = 'Deze link is verlopen of niet voor jou bedoeld.';
const ics = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//svib-bot//NL\r\nEND:VCALENDAR\r\n';
// Realistic ids make a token far longer than a router's usual limit for one path parameter.
const appointmentId = 'a8f5f167-0f3c-4f5b-9a2e-1b2c3d4e5f60|school-3f2504e0-4f89-11d3-9a0c-0305e82c3301|afspraak-7c9e6679-7425-40de-944b-e07fc1f90ae7';
const teacherId = '29:1GcS4EyB_oSI8A88XmWBN7NJFyMqe3QGnJdgLfFGkJnVelzRGos0bPbpsfJjcbAD22bmKc4GMbrY2g4JDrWH8XQ';

describe('GET /calendar/:token', () => {
  let server: restify.Server;
  let baseUrl: string;
  const warnings: object[] = [];
  const loads: Array<[string, string]> = [];

  const deps: CalendarRouteDeps = {
    secret,
    now: () => now,
    logger: { warn: (obj) => void warnings.push(obj) },
    async loadForUser(subjectId, userId) {
      loads.push([subjectId, userId]);
      if (subjectId === appointmentId && userId === teacherId) return { ics, fileName: 'svib-opname1.ics' };
      if (subjectId === 'odd-name') return { ics, fileName: 'rapport "1"\r\n.ics' };
      if (subjectId === 'fails') throw new Error('storage is down for bram@school.example');
      return undefined;
    },
  };

  const link = (overrides: Partial<Parameters<typeof signLink>[1]> = {}, key = secret) =>
    `${baseUrl}/calendar/${signLink(key, { purpose: 'calendar', subjectId: appointmentId, userId: teacherId, expiresAt: new Date(now.getTime() + 3_600_000), ...overrides })}`;

  beforeAll(async () => {
    server = restify.createServer({ name: 'calendar-route-test' });
    registerCalendarRoute(server, deps);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => {
    warnings.length = 0;
    loads.length = 0;
  });

  async function expectRefused(url: string, reason: string): Promise<void> {
    const response = await fetch(url);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(await response.text()).toBe(refusal);
    expect(warnings).toEqual([{ route: 'calendar', reason }]);
  }

  it('downloads the invitation for a valid link', async () => {
    const url = link();
    expect(url.length).toBeGreaterThan(300);
    const response = await fetch(url);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="svib-opname1.ics"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe(ics);
    expect(loads).toEqual([[appointmentId, teacherId]]);
    expect(warnings).toEqual([]);
  });

  it('refuses an expired link without loading anything', async () => {
    await expectRefused(link({ expiresAt: new Date(now.getTime() - 1) }), 'expired');
    expect(loads).toEqual([]);
  });

  it('refuses a forged link', async () => {
    await expectRefused(link({}, 'another-secret-that-is-long-enough-0123456'), 'bad-signature');
    const [payload, signature] = link().slice(`${baseUrl}/calendar/`.length).split('.') as [string, string];
    const otherUser = Buffer.from(JSON.stringify({ p: 'calendar', s: appointmentId, u: 'svibber-1', e: now.getTime() + 3_600_000 })).toString('base64url');
    warnings.length = 0;
    await expectRefused(`${baseUrl}/calendar/${otherUser}.${signature}`, 'bad-signature');
    expect(payload).not.toBe(otherUser);
    expect(loads).toEqual([]);
  });

  it('refuses a link for another purpose and garbage', async () => {
    await expectRefused(link({ purpose: 'upload' }), 'wrong-purpose');
    warnings.length = 0;
    await expectRefused(`${baseUrl}/calendar/not-a-token`, 'malformed');
    expect(loads).toEqual([]);
  });

  it("refuses a valid link when the user is not (or no longer) a party", async () => {
    await expectRefused(link({ userId: 'someone-else' }), 'not-available');
    expect(loads).toEqual([[appointmentId, 'someone-else']]);
  });

  it('keeps the file name safe in the header', async () => {
    const response = await fetch(link({ subjectId: 'odd-name' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="rapport_1_.ics"');
  });

  it('answers 500 without details when loading fails', async () => {
    const response = await fetch(link({ subjectId: 'fails' }));
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toContain('storage');
    expect(body).not.toContain('bram');
    expect(JSON.stringify(warnings)).not.toContain('bram');
  });
});
