import type * as restify from 'restify';
import { verifyLink } from '../features/links/signedLinks';

export interface CalendarRouteDeps {
  secret: string;
  /**
   * The invitation for this user, or undefined when the user is not (or no longer) a party of
   * the appointment; the caller checks that on the server and builds the ics.
   */
  loadForUser(appointmentId: string, userId: string): Promise<{ ics: string; fileName: string } | undefined>;
  now: () => Date;
  logger?: { warn(obj: object, msg: string): void };
}

export const CALENDAR_LINK_PURPOSE = 'calendar';

/** One answer for every refusal, so the response never tells which check failed. */
export const CALENDAR_LINK_REFUSED = 'Deze link is verlopen of niet voor jou bedoeld.';
const CALENDAR_LINK_FAILED = 'Er ging iets mis. Probeer het later opnieuw.';

const commonHeaders = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  // The token is in the path: do not pass it on to another site.
  'Referrer-Policy': 'no-referrer',
};

function plainText(res: restify.Response, status: number, text: string): void {
  res.sendRaw(status, text, { ...commonHeaders, 'Content-Type': 'text/plain; charset=utf-8' });
}

/** A file name that is safe inside a quoted header value. */
function safeFileName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '');
  return cleaned || 'afspraak.ics';
}

/**
 * `GET /calendar/:token`: "Zet in mijn agenda" downloads the invitation through a signed link
 * bound to one person. A wildcard route, since a token is longer than the router's limit for
 * a named parameter (find-my-way's maxParamLength, 100 by default).
 */
export function registerCalendarRoute(server: restify.Server, deps: CalendarRouteDeps): void {
  server.get('/calendar/*', async (req: restify.Request, res: restify.Response) => {
    const params = req.params as Record<string, string | undefined>;
    const token = params['*'] ?? '';
    const refuse = (reason: string): void => {
      deps.logger?.warn({ route: 'calendar', reason }, 'Calendar link refused');
      plainText(res, 403, CALENDAR_LINK_REFUSED);
    };

    const verified = verifyLink(deps.secret, token, CALENDAR_LINK_PURPOSE, deps.now());
    if (!verified.ok) return refuse(verified.reason);

    let invite: { ics: string; fileName: string } | undefined;
    try {
      invite = await deps.loadForUser(verified.claims.subjectId, verified.claims.userId);
    } catch (error) {
      deps.logger?.warn({ route: 'calendar', reason: 'load-failed', error: error instanceof Error ? error.name : typeof error }, 'Calendar invitation could not be loaded');
      return plainText(res, 500, CALENDAR_LINK_FAILED);
    }
    if (!invite) return refuse('not-available');

    res.sendRaw(200, invite.ics, {
      ...commonHeaders,
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="${safeFileName(invite.fileName)}"`,
    });
  });
}
