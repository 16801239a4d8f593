interface SharedAzurite {
  __azurite?: { stop(): Promise<void> };
}

/** Stops the run's Azurite once, however many projects named the set-up. */
export default async function globalTeardown(): Promise<void> {
  const shared = globalThis as SharedAzurite;
  const azurite = shared.__azurite;
  shared.__azurite = undefined;
  await azurite?.stop();
}
