import type { Role, RoleChangeRefusal } from '../domain/schools/roles';

/** The Dutch words for roles at a school (Instellingen → Rollen) and for refused role changes. */
const role = {
  leerkracht: 'Leerkracht',
  svibber: "SVIB'er",
  ib: "IB'er",
  directie: 'Directie',
  beheerder: 'Beheerder',
} as const satisfies Record<Role, string>;

const refusal = {
  'not-beheerder': 'Rollen aanpassen kan alleen een beheerder van de SVIB-bot.',
  'own-roles': 'Je eigen rollen kun je niet aanpassen. Vraag een andere beheerder om dat te doen.',
  'conflicting-roles':
    "Deze persoon is {held}, en {held} en {role} gaan niet samen bij één persoon. De directie ziet cijfers, nooit de inhoud van een traject: wie begeleidt of opnames in vertrouwen te zien krijgt, hoort niet bij de schoolleiding.",
  'last-beheerder': 'Je bent de laatste beheerder. Maak eerst iemand anders beheerder, dan kun je deze rol weggeven.',
  'implicit-role': 'Iedereen op school is al leerkracht. Die rol hoef je niet te geven of af te nemen.',
  'already-has-role': 'Deze persoon heeft deze rol al.',
  'does-not-have-role': 'Deze persoon heeft deze rol niet.',
} as const satisfies Record<RoleChangeRefusal, string>;

export const nlRoles = { role, refusal } as const;
