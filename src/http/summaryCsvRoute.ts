import type * as restify from 'restify';
import { verifyLink } from '../features/links/signedLinks';

export const SUMMARY_CSV_PURPOSE = 'directie-summary-csv';

export interface SummaryCsvRouteDeps {
  secret: string;
  now: () => Date;
  /** The CSV for this user, or undefined when they are not (or no longer) directie of that school. */
  loadForUser(subjectId: string, userId: string): Promise<string | undefined>;
  refused: string;
  failed: string;
  logger?: { warn(obj: object, msg: string): void };
}

const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

/** `GET /summary/csv/<signed link>`: the full report as CSV, for the one directie member the link was made for. */
export function registerSummaryCsvRoute(server: restify.Server, deps: SummaryCsvRouteDeps): void {
  server.get('/summary/csv/*', async (req: restify.Request, res: restify.Response) => {
    const token = (req.params as Record<string, string | undefined>)['*'] ?? '';
    const refuse = (reason: string) => {
      deps.logger?.warn({ route: 'summary-csv', reason }, 'summary link refused');
      res.sendRaw(403, deps.refused, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    };
    const verified = verifyLink(deps.secret, token, SUMMARY_CSV_PURPOSE, deps.now());
    if (!verified.ok) return refuse(verified.reason);
    let csv: string | undefined;
    try {
      csv = await deps.loadForUser(verified.claims.subjectId, verified.claims.userId);
    } catch {
      return res.sendRaw(500, deps.failed, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    }
    if (csv === undefined) return refuse('not-available');
    // A byte order mark, so Excel reads the Dutch characters as UTF-8.
    res.sendRaw(200, `\ufeff${csv}`, { ...headers, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="svib-samenvatting.csv"' });
  });
}
