import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { POLICY_TABLE_BEGIN, withPolicyTable } from '../../src/docs/privacyDoc';

describe('docs/privacy.md', () => {
  const doc = readFileSync(resolve(__dirname, '../../docs/privacy.md'), 'utf8');

  it('prints the access policy table exactly as the code decides it (npm run docs:privacy regenerates it)', () => {
    expect(doc).toContain(POLICY_TABLE_BEGIN);
    expect(doc).toBe(withPolicyTable(doc));
  });

  it('shows every phase of every kind of person, directie refused throughout', () => {
    const table = doc.slice(doc.indexOf(POLICY_TABLE_BEGIN));
    expect(table.match(/^\| geannuleerd \|/gm)).toHaveLength(6);
    expect(table).toContain('no: directie-never');
    expect(table).toContain('no: trajectory-ended');
  });
});
