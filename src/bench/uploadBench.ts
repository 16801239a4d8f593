import { randomFillSync, randomUUID } from 'node:crypto';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlockBlobClient, ContainerClient } from '@azure/storage-blob';
import { DEFAULT_SCHOOL_ID } from '../domain/schools/school';
import type { BenchApp } from './benchApp';
import type { BenchSchool } from './benchSchool';
import { startBotProcess } from './botProcess';
import { figure, type Figure } from './figures';
import { TENANT_ID } from './fixtures';
import { msSince, nowNs } from './measure';
import { pageUploadSettings, uploadLikeThePage, type PageUploadSettings } from './uploadPath';

const MIB = 1024 ** 2;
const RSS_SAMPLE_MS = 50;

export interface UploadResult {
  sizeBytes: number;
  settings: PageUploadSettings;
  appMiBps: number[];
  sdkMiBps: number[];
  sdkConcurrency: number;
  /** The SDK at the page's own block size and parallelism: what the path costs apart from that choice. */
  sdkAtPageSettingsMiBps: number[];
  rssBeforeBytes: number;
  rssPeakBytes: number;
}

/** A file of random bytes (one random 16 MiB chunk repeated: nothing on the way compresses it either way). */
async function generatedFile(folder: string, size: number): Promise<string> {
  const file = join(folder, 'recording.mp4');
  const chunk = randomFillSync(Buffer.alloc(16 * MIB));
  // An MP4 signature in front: registration checks the container's first bytes before it copies.
  chunk.set([0, 0, 0, 0x18, ...Buffer.from('ftypisom')], 0);
  const handle = await open(file, 'w');
  try {
    for (let written = 0; written < size; written += chunk.length) await handle.write(chunk, 0, Math.min(chunk.length, size - written));
  } finally {
    await handle.close();
  }
  return file;
}

/**
 * Item 3: the same file through the app's upload path (the page's block size and parallelism,
 * against svib-bot running as its own process) and through the SDK's own parallel block upload,
 * in turns; the bot process's resident memory sampled throughout.
 */
export async function benchUpload(app: BenchApp, school: BenchSchool, size: number, rounds: number): Promise<UploadResult> {
  const folder = await mkdtemp(join(tmpdir(), 'svib-bench-upload-'));
  const bot = await startBotProcess(app, 'svib', school.typists[0]);
  const container = new ContainerClient(app.connectionString, `${app.prefix}-recordings`);
  const teacher = school.listers[1];
  const trajectoryId = 'bench-1-4';
  const sdkConcurrency = 5;
  try {
    const file = await generatedFile(folder, size);
    const settings = await pageUploadSettings(bot.baseUrl);
    const result: UploadResult = { sizeBytes: size, settings, appMiBps: [], sdkMiBps: [], sdkConcurrency, sdkAtPageSettingsMiBps: [], rssBeforeBytes: bot.rssBytes(), rssPeakBytes: 0 };
    const sampler = setInterval(() => (result.rssPeakBytes = Math.max(result.rssPeakBytes, bot.rssBytes())), RSS_SAMPLE_MS);
    try {
      for (let round = 0; round < rounds; round++) {
        const start = nowNs();
        await uploadLikeThePage({ baseUrl: bot.baseUrl, secret: app.linkSecret, teacher, trajectoryId, cycle: 2, file, size, settings });
        result.appMiBps.push(size / MIB / (msSince(start) / 1000));
        await removeUploads(container, `${TENANT_ID}/${DEFAULT_SCHOOL_ID}/${trajectoryId}/`);
        // Uploads land on a staging name first; its locked leftover goes too.
        await removeUploads(container, `staging/${TENANT_ID}/${DEFAULT_SCHOOL_ID}/${trajectoryId}/`);

        // The SDK's defaults for a large file: 4 MiB blocks, 5 in parallel; never one single Put Blob.
        result.sdkMiBps.push(await sdkUpload(app, container, file, size, { concurrency: sdkConcurrency }));
        result.sdkAtPageSettingsMiBps.push(await sdkUpload(app, container, file, size, { concurrency: settings.parallel, blockSize: settings.blockSize }));
      }
    } finally {
      clearInterval(sampler);
    }
    result.rssPeakBytes = Math.max(result.rssPeakBytes, bot.rssBytes());
    return result;
  } finally {
    await bot.child.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

/** One parallel block upload by the SDK itself, removed again; its throughput in MiB/s. */
async function sdkUpload(app: BenchApp, container: ContainerClient, file: string, size: number, options: { concurrency: number; blockSize?: number }): Promise<number> {
  const blob = new BlockBlobClient(app.connectionString, container.containerName, `bench-sdk/${randomUUID()}`);
  const start = nowNs();
  await blob.uploadFile(file, { ...options, maxSingleShotSize: 0, blobHTTPHeaders: { blobContentType: 'video/mp4' } });
  const miBps = size / MIB / (msSince(start) / 1000);
  await blob.deleteIfExists();
  return miBps;
}

/** In-memory Azurite holds every byte: uploaded test files go as soon as they are measured. */
async function removeUploads(container: ContainerClient, prefix: string): Promise<void> {
  for await (const blob of container.listBlobsFlat({ prefix })) {
    if ((blob.properties.contentLength ?? 0) > MIB) await container.deleteBlob(blob.name);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

export function uploadFigures(result: UploadResult): Figure[] {
  const sizeMiB = result.sizeBytes / MIB;
  const growthMiB = (result.rssPeakBytes - result.rssBeforeBytes) / MIB;
  return [
    figure({
      item: 3,
      name: `upload ${sizeMiB} MiB, app path (${result.settings.blockSize / MIB} MiB blocks × ${result.settings.parallel})`,
      value: median(result.appMiBps),
      unit: 'MiB/s',
      baseline: { name: `SDK uploadFile (4 MiB × ${result.sdkConcurrency})`, value: median(result.sdkMiBps) },
      goal: { on: 'ratio', bound: 'atLeast', limit: 0.9 },
      note: `median of ${result.appMiBps.length}; app ${result.appMiBps.map((v) => v.toFixed(0)).join('/')}, SDK ${result.sdkMiBps.map((v) => v.toFixed(0)).join('/')} MiB/s`,
    }),
    figure({
      item: 3,
      name: `upload ${sizeMiB} MiB, app path vs SDK at the page's own settings`,
      value: median(result.appMiBps),
      unit: 'MiB/s',
      baseline: { name: `SDK uploadFile (${result.settings.blockSize / MIB} MiB × ${result.settings.parallel})`, value: median(result.sdkAtPageSettingsMiBps) },
      note: `separates the path (SAS, one fetch per block, register) from the page's choice of ${result.settings.parallel} parallel blocks; SDK ${result.sdkAtPageSettingsMiBps.map((v) => v.toFixed(0)).join('/')} MiB/s`,
    }),
    figure({
      item: 3,
      name: 'bot process peak RSS during the uploads',
      value: result.rssPeakBytes / MIB,
      unit: 'MiB',
      goal: { on: 'value', bound: 'atMost', limit: 200 },
      note: `${(result.rssBeforeBytes / MIB).toFixed(0)} MiB before, ${growthMiB >= 0 ? '+' : ''}${growthMiB.toFixed(1)} MiB during (flat: the bytes go browser → Blob Storage, never through the bot)`,
    }),
  ];
}
