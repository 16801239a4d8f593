import type * as restify from 'restify';
import type { Download, DownloadKind } from '../features/kijkwijzer/KijkwijzerDownloads';
import { downloadPurpose } from '../features/kijkwijzer/KijkwijzerDownloads';
import { verifyLink } from '../features/links/signedLinks';

export interface KijkwijzerRouteDeps {
  secret: string;
  loadForUser(kind: DownloadKind, subjectId: string, userId: string): Promise<Download | undefined>;
  now: () => Date;
  refused: string;
  failed: string;
  logger?: { warn(obj: object, msg: string): void };
}

const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

/**
 * `GET /kijkwijzer/csv/<signed link>` and `/kijkwijzer/notitie/<signed link>`: the commissie's
 * downloads of a closed round. One answer for every refusal, as for calendar links.
 */
export function registerKijkwijzerRoute(server: restify.Server, deps: KijkwijzerRouteDeps): void {
  for (const kind of ['csv', 'notitie'] as const) {
    server.get(`/kijkwijzer/${kind}/*`, async (req: restify.Request, res: restify.Response) => {
      const token = (req.params as Record<string, string | undefined>)['*'] ?? '';
      const text = (status: number, body: string) => res.sendRaw(status, body, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      const verified = verifyLink(deps.secret, token, downloadPurpose(kind), deps.now());
      if (!verified.ok) {
        deps.logger?.warn({ route: 'kijkwijzer', reason: verified.reason }, 'Kijkwijzer link refused');
        return text(403, deps.refused);
      }
      let download: Download | undefined;
      try {
        download = await deps.loadForUser(kind, verified.claims.subjectId, verified.claims.userId);
      } catch (error) {
        deps.logger?.warn({ route: 'kijkwijzer', reason: 'load-failed', error: error instanceof Error ? error.name : typeof error }, 'Kijkwijzer download failed');
        return text(500, deps.failed);
      }
      if (!download) {
        deps.logger?.warn({ route: 'kijkwijzer', reason: 'not-available' }, 'Kijkwijzer link refused');
        return text(403, deps.refused);
      }
      res.sendRaw(200, download.body, { ...headers, 'Content-Type': download.contentType, 'Content-Disposition': `attachment; filename="${download.fileName}"` });
    });
  }
}
