import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { BlockBlobClient } from '@azure/storage-blob';
import { DEFAULT_SCHOOL_ID } from '../domain/schools/school';
import { PURPOSES } from '../http/recordingsApi';
import { signLink } from '../features/links/signedLinks';
import type { BenchPerson } from './activities';
import { TENANT_ID } from './fixtures';

/** How the upload page sends a file, read from the page's own script, so the bench follows any change to it. */
export interface PageUploadSettings {
  blockSize: number;
  parallel: number;
}

export async function pageUploadSettings(baseUrl: string, root = process.cwd()): Promise<PageUploadSettings> {
  const html = await (await fetch(`${baseUrl}/recordings/upload`)).text();
  // The page loads a minified bundle of src/web/upload.ts, whose names are gone: the settings are read from that source.
  if (!html.includes('src="/static/upload.js"')) throw new Error('the upload page no longer loads /static/upload.js (the bundle of src/web/upload.ts)');
  const source = await readFile(join(root, 'src', 'web', 'upload.ts'), 'utf8');
  const blockSize = /const BLOCK_SIZE = ([\d\s*]+);/.exec(source)?.[1];
  const parallel = /const PARALLEL = (\d+);/.exec(source)?.[1];
  if (!blockSize || !parallel) throw new Error('src/web/upload.ts no longer names BLOCK_SIZE and PARALLEL');
  return { blockSize: blockSize.split('*').reduce((product, factor) => product * Number(factor.trim()), 1), parallel: Number(parallel) };
}

async function postJson(url: string, body: object): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json()) as Record<string, unknown>;
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}


/**
 * The browser's upload path, driven from Node: the signed page link's upload session, the resume
 * check, blocks of the page's size through the write-only SAS with the page's number of parallel
 * requests (each block read from the file when it is sent, as File.slice does), the block list,
 * and register. Returns the blob name the bot registered.
 */
export async function uploadLikeThePage(input: { baseUrl: string; secret: string; teacher: BenchPerson; trajectoryId: string; cycle: number; file: string; size: number; settings: PageUploadSettings }): Promise<void> {
  const { baseUrl, settings } = input;
  const t = signLink(input.secret, {
    purpose: PURPOSES.upload,
    subjectId: `${TENANT_ID}|${DEFAULT_SCHOOL_ID}|${input.trajectoryId}|${input.cycle}`,
    userId: input.teacher.aadObjectId,
    expiresAt: new Date(Date.now() + 60 * 60_000),
  });
  const session = await postJson(`${baseUrl}/api/recordings/upload-session`, { t });
  const uploadUrl = String(session.uploadUrl);
  const registerToken = String(session.registerToken);
  await postJson(`${baseUrl}/api/recordings/upload-progress`, { registerToken });

  // The page's requests (Put Block and Put Block List through the write-only SAS), sent with the
  // SDK's HTTP client: the baseline uses it too, so the ratio compares paths, not HTTP clients.
  const blob = new BlockBlobClient(uploadUrl);
  const count = Math.ceil(input.size / settings.blockSize);
  const ids = Array.from({ length: count }, (_, index) => Buffer.from(`block-${String(index + 1).padStart(6, '0')}`).toString('base64'));
  const handle = await open(input.file, 'r');
  try {
    let next = 0;
    const worker = async () => {
      while (next < count) {
        const index = next++;
        const length = Math.min(settings.blockSize, input.size - index * settings.blockSize);
        const block = Buffer.alloc(length);
        await handle.read(block, 0, length, index * settings.blockSize);
        await blob.stageBlock(ids[index], block, length);
      }
    };
    await Promise.all(Array.from({ length: settings.parallel }, worker));
  } finally {
    await handle.close();
  }
  await blob.commitBlockList(ids, { blobHTTPHeaders: { blobContentType: 'video/mp4' } });
  await postJson(`${baseUrl}/api/recordings/register`, { registerToken, durationSeconds: 600 });
}
