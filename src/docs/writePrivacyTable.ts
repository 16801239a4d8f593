import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withPolicyTable } from './privacyDoc';

/** `npm run docs:privacy`: writes the access policy table into docs/privacy.md. */
const path = resolve(process.cwd(), 'docs/privacy.md');
writeFileSync(path, withPolicyTable(readFileSync(path, 'utf8')));
process.stdout.write(`Wrote the access policy table into ${path}\n`);
