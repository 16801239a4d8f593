import { buildRoundCsv } from '../../domain/kijkwijzer/csvExport';
import { draftNoteContent } from '../../domain/kijkwijzer/draftNote';
import type { Role } from '../../domain/schools/roles';
import { signLink } from '../links/signedLinks';
import { fillIn, formatDate, roundName, type Texts } from '../../texts';
import { draftNoteDocx } from './draftNoteDocx';
import type { KijkwijzerService } from './KijkwijzerService';

export type DownloadKind = 'csv' | 'notitie';

export const downloadPurpose = (kind: DownloadKind) => `kijkwijzer-${kind}`;

export interface Download {
  body: Buffer;
  contentType: string;
  fileName: string;
}

export interface KijkwijzerDownloadsOptions {
  secret: string;
  baseUrl: string;
  /** The processing of a round as this person may see it (only a beheerder gets it). */
  result: KijkwijzerService['result'];
  /** The person's roles now, from storage: a link outlives nothing the person lost meanwhile. */
  rolesOf(tenantId: string, schoolId: string, userId: string): Promise<readonly Role[]>;
  texts: Texts;
  now: () => Date;
}

const LINK_HOURS = 24;

/**
 * The commissie's downloads of a closed round (CSV, draft note) through signed links bound to one
 * person; opening one checks again that the person is a beheerder of that school.
 */
export class KijkwijzerDownloads {
  constructor(private readonly options: KijkwijzerDownloadsOptions) {}

  urlFor(actor: { tenantId: string; schoolId: string; userId: string }, roundId: string, kind: DownloadKind): string {
    const expiresAt = new Date(this.options.now().getTime() + LINK_HOURS * 3_600_000);
    const token = signLink(this.options.secret, { purpose: downloadPurpose(kind), subjectId: `${actor.tenantId}|${actor.schoolId}|${roundId}`, userId: actor.userId, expiresAt });
    return `${this.options.baseUrl}/kijkwijzer/${kind}/${token}`;
  }

  async loadForUser(kind: DownloadKind, subjectId: string, userId: string): Promise<Download | undefined> {
    const [tenantId, schoolId, roundId] = subjectId.split('|');
    if (!tenantId || !schoolId || !roundId) return undefined;
    const roles = await this.options.rolesOf(tenantId, schoolId, userId);
    const result = await this.options.result({ tenantId, schoolId, roles }, roundId);
    if (!result.ok) return undefined;
    const { texts } = this.options;
    const words = texts.kijkwijzer;
    const name = roundName(texts, result.round.sequence).replace(/\s+/g, '-');
    if (kind === 'csv') {
      const csv = buildRoundCsv(result.comparison, result.notes, { headers: words.csvHeaders, tooFew: words.tooFew, isNew: words.isNew });
      return { body: Buffer.from(csv, 'utf8'), contentType: 'text/csv; charset=utf-8', fileName: `kijkwijzer-${name}.csv` };
    }
    const note = draftNoteContent(result.comparison, {
      ...words.draftNote,
      roundName: (sequence) => roundName(texts, sequence),
      fill: fillIn,
      date: formatDate,
    });
    return {
      body: await draftNoteDocx(note),
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      fileName: `kijkwijzer-${name}-conceptnotitie.docx`,
    };
  }
}
