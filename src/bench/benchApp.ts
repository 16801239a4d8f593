import { randomBytes } from 'node:crypto';
import { composeApp, type ComposedApp } from '../composition/composeApp';
import { loadConfig } from '../config/config';
import type { Actor } from '../features/schools/SchoolDirectory';
import { startAzurite, type RunningAzurite } from '../local/azurite';
import { startConnectorStub, type ConnectorStub } from './connectorStub';
import { TENANT_ID } from './fixtures';

/** The composed app on in-memory Azurite, as the integration tests run it, for the I/O benchmarks. */
export interface BenchApp {
  composed: ComposedApp;
  baseUrl: string;
  connector: ConnectorStub;
  /** The teacher, known at the default school; owner of the trajectories the benchmarks make. */
  teacher(): Promise<Actor>;
  close(): Promise<void>;
}

export async function startBenchApp(): Promise<BenchApp> {
  const started: { azurite?: RunningAzurite; connector?: ConnectorStub; composed?: ComposedApp } = {};
  // Whatever did start is stopped, even when a later step or an earlier stop failed, so the
  // process can still exit by itself.
  const close = async () => {
    try {
      await started.composed?.close();
    } finally {
      try {
        await started.connector?.stop();
      } finally {
        await started.azurite?.stop();
      }
    }
  };
  try {
    started.azurite = await startAzurite();
    started.connector = await startConnectorStub();
    const config = loadConfig({
      PORT: '0',
      LOG_LEVEL: 'silent',
      LOCAL_MODE: 'true',
      AZURE_STORAGE_CONNECTION_STRING: started.azurite.connectionString,
      // Unique as in the tests: harmless on a fresh Azurite, and safe should this ever run against shared storage.
      STORAGE_NAME_PREFIX: `b${randomBytes(6).toString('hex')}`,
    });
    const composed = await composeApp(config);
    started.composed = composed;
    const port = await composed.listen();
    return {
      composed,
      baseUrl: `http://127.0.0.1:${port}`,
      connector: started.connector,
      teacher: () =>
        composed.directory.actorFor({ tenantId: TENANT_ID, userId: '0a1b2c3d-0000-4000-8000-000000000001', name: 'Sanne de Vries', fetchEmail: async () => undefined }),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
