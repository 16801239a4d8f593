import globalSetup from './globalSetup';
import { provisionTestTools } from './provisioning/provisionTestTools';

/** Browser tests need Debian's chromium (installed here when missing and allowed) and storage. */
export default async function e2eGlobalSetup(): Promise<void> {
  provisionTestTools();
  await globalSetup();
}
