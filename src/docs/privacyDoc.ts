import { policyTableMarkdown } from '../domain/recordings/policyTable';

/**
 * docs/privacy.md prints the access policy from the code itself: the part between these markers
 * is generated (`npm run docs:privacy`), and a unit test fails when it differs from the code.
 */
export const POLICY_TABLE_BEGIN = '<!-- BEGIN GENERATED: access policy table (npm run docs:privacy; do not edit by hand) -->';
export const POLICY_TABLE_END = '<!-- END GENERATED: access policy table -->';

/** The document with its generated section replaced by the table the code decides now. */
export function withPolicyTable(doc: string): string {
  const begin = doc.indexOf(POLICY_TABLE_BEGIN);
  const end = doc.indexOf(POLICY_TABLE_END);
  if (begin < 0 || end < begin) throw new Error('docs/privacy.md lacks the generated section markers');
  return `${doc.slice(0, begin)}${POLICY_TABLE_BEGIN}\n\n${policyTableMarkdown()}\n\n${doc.slice(end)}`;
}
