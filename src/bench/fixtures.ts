/** Data the benchmarks share; benchmarks ship in src/ and do not depend on tests/. */
export const TENANT_ID = '6b3c1f0e-5d2a-4c8e-9f10-2a7d4e5b6c01';

export { sampleIntake as validIntake } from '../local/sampleIntake';
