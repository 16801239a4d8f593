import type * as restify from 'restify';
import { PURPOSES } from './recordingsApi';
import { verifyLink } from '../features/links/signedLinks';

export interface UploadResumeApiDeps {
  secret: string;
  now: () => Date;
  /** The uncommitted blocks of one blob (base64 block id and size in bytes); none when it does not exist. */
  blocksOf: (blobName: string) => Promise<{ name: string; size: number }[]>;
  /** Dutch answer for a missing, altered or expired register token. */
  refused: string;
}

/**
 * `POST /api/recordings/upload-progress` with `{ registerToken }`: which blocks of an interrupted
 * upload already arrived, so the upload page can continue after a reload instead of starting over
 * (its write-only SAS cannot read the block list itself). The register token is signed and bound
 * to exactly one blob, so it reveals nothing about any other blob.
 */
export function registerUploadResumeApi(server: restify.Server, deps: UploadResumeApiDeps): void {
  server.post('/api/recordings/upload-progress', async (req, res) => {
    const token: unknown = req.body?.registerToken;
    const verified = typeof token === 'string' ? verifyLink(deps.secret, token, PURPOSES.register, deps.now()) : undefined;
    const blobName = verified?.ok ? verified.claims.subjectId.split('|')[4] : undefined;
    if (!blobName) {
      res.json(403, { message: deps.refused });
      return;
    }
    const blocks = await deps.blocksOf(blobName);
    res.header('Cache-Control', 'no-store');
    res.json(200, { blocks: blocks.map(({ name, size }) => ({ name, size })) });
  });
}
