import type { AccessRefusal } from '../domain/recordings/accessPolicy';

/**
 * Dutch refusals for recordings. Someone who may not know a recording exists gets the same
 * neutral sentence whatever the reason, so a refusal never confirms that it exists. Only people
 * who already take part (begeleider, grantee) hear more.
 */
const closed = 'Deze opname kan ik niet voor je openen.';

const refusal = {
  'other-tenant': closed,
  'other-school': closed,
  'recording-mismatch': closed,
  'no-recording': closed,
  'not-a-party': closed,
  'grant-expired': 'Je toestemming om deze opname te bekijken is verlopen.',
  'grant-withdrawn': closed,
  'grant-other-recording': closed,
  'fragment-not-granted': 'De leerkracht heeft alleen gekozen fragmenten met je gedeeld. Dit deel kan ik niet voor je openen.',
  'owner-only': 'Dit kan alleen de leerkracht van wie de opname is.',
  'not-begeleider': 'Dit kan alleen de leerkracht of de begeleider van dit traject.',
  'directie-never': closed,
  'trajectory-ended': 'Dit traject is gestopt of afgesloten. De opnames zijn nu alleen nog voor de leerkracht.',
  'no-uploads-in-phase': 'Een opname toevoegen kan alleen in de fase van de opnames en nagesprekken.',
} as const satisfies Record<AccessRefusal, string>;

export const nlRecordings = { refusal } as const;
