import { nlRoles } from '../../../src/texts/nlRoles';
import {
  allRoles,
  conflictOf,
  grantRole,
  mergePendingRoles,
  hasRole,
  isInitialBeheerder,
  revokeRole,
  roleChangeRefusals,
  rolesOf,
  type Role,
  type SchoolMember,
} from '../../../src/domain/schools/roles';

const schoolId = 'school-1';
const member = (userId: string, ...roles: SchoolMember['roles']): SchoolMember => Object.freeze({ schoolId, userId, roles: Object.freeze(roles) });

const bea = member('bea', 'beheerder');
const sanne = member('sanne', 'svibber', 'ib');
const dirk = member('dirk', 'directie');
const school: readonly SchoolMember[] = Object.freeze([bea, sanne, dirk]);

describe('rolesOf', () => {
  it('gives everyone leerkracht, also people without a row', () => {
    expect(rolesOf(school, 'tessa')).toEqual(['leerkracht']);
    expect(rolesOf([], 'tessa')).toEqual(['leerkracht']);
  });

  it('adds the granted roles in a fixed order, without doubles', () => {
    expect(rolesOf([member('x', 'beheerder', 'svibber', 'svibber')], 'x')).toEqual(['leerkracht', 'svibber', 'beheerder']);
    expect(rolesOf(school, 'sanne')).toEqual(['leerkracht', 'svibber', 'ib']);
  });

  it('says everyone holds leerkracht', () => {
    expect(hasRole([], 'leerkracht')).toBe(true);
    expect(hasRole(['leerkracht'], 'svibber')).toBe(false);
    expect(hasRole(['svibber'], 'svibber')).toBe(true);
  });
});

describe('grantRole', () => {
  it('lets a beheerder make someone new an SVIB\u2019er', () => {
    const result = grantRole(school, { schoolId, actorId: 'bea', userId: 'tessa', role: 'svibber' });
    expect(result).toEqual({ ok: true, members: [bea, sanne, dirk, { schoolId, userId: 'tessa', roles: ['svibber'] }] });
    expect(school).toHaveLength(3);
  });

  it('adds a role to someone who already has one', () => {
    const result = grantRole(school, { schoolId, actorId: 'bea', userId: 'dirk', role: 'beheerder' });
    expect(result.ok && result.members.find((m) => m.userId === 'dirk')).toEqual({ schoolId, userId: 'dirk', roles: ['directie', 'beheerder'] });
    expect(result.ok && rolesOf(result.members, 'dirk')).toEqual(['leerkracht', 'directie', 'beheerder']);
  });

  it.each([
    ['an SVIB\u2019er', 'sanne', 'not-beheerder'],
    ['directie', 'dirk', 'not-beheerder'],
    ['a teacher without a row', 'tessa', 'not-beheerder'],
  ])('refuses %s, handing back the same members', (_, actorId, reason) => {
    const result = grantRole(school, { schoolId, actorId, userId: 'tessa', role: 'svibber' });
    expect(result).toEqual({ ok: false, reason, members: school });
    expect(result.members).toBe(school);
  });

  it('refuses leerkracht, which everyone has, and a role already held', () => {
    expect(grantRole(school, { schoolId, actorId: 'bea', userId: 'tessa', role: 'leerkracht' })).toEqual({ ok: false, reason: 'implicit-role', members: school });
    expect(grantRole(school, { schoolId, actorId: 'bea', userId: 'sanne', role: 'ib' })).toEqual({ ok: false, reason: 'already-has-role', members: school });
  });
});

describe('revokeRole', () => {
  it('removes one role and keeps the others', () => {
    const result = revokeRole(school, { schoolId, actorId: 'bea', userId: 'sanne', role: 'ib' });
    expect(result).toEqual({ ok: true, members: [bea, dirk, { schoolId, userId: 'sanne', roles: ['svibber'] }] });
  });

  it('drops the row of someone left with no role but leerkracht', () => {
    const result = revokeRole(school, { schoolId, actorId: 'bea', userId: 'dirk', role: 'directie' });
    expect(result).toEqual({ ok: true, members: [bea, sanne] });
  });

  it('never lets the last beheerder give the role away', () => {
    expect(revokeRole(school, { schoolId, actorId: 'bea', userId: 'bea', role: 'beheerder' })).toEqual({ ok: false, reason: 'own-roles', members: school });
  });

  it('lets a beheerder step down only through another beheerder', () => {
    const two = [bea, member('bram', 'beheerder', 'svibber')];
    expect(revokeRole(two, { schoolId, actorId: 'bea', userId: 'bea', role: 'beheerder' })).toEqual({ ok: false, reason: 'own-roles', members: two });
    expect(revokeRole(two, { schoolId, actorId: 'bram', userId: 'bea', role: 'beheerder' })).toEqual({ ok: true, members: [two[1]] });
    expect(revokeRole(two, { schoolId, actorId: 'bea', userId: 'bram', role: 'beheerder' })).toEqual({
      ok: true,
      members: [bea, { schoolId, userId: 'bram', roles: ['svibber'] }],
    });
  });

  it.each([
    ['by someone who is not a beheerder', { actorId: 'sanne', userId: 'dirk', role: 'directie' as const }, 'not-beheerder'],
    ['of leerkracht', { actorId: 'bea', userId: 'dirk', role: 'leerkracht' as const }, 'implicit-role'],
    ['of a role not held', { actorId: 'bea', userId: 'dirk', role: 'svibber' as const }, 'does-not-have-role'],
    ['of someone without a row', { actorId: 'bea', userId: 'tessa', role: 'svibber' as const }, 'does-not-have-role'],
  ])('refuses a revoke %s', (_, change, reason) => {
    const result = revokeRole(school, { schoolId, ...change });
    expect(result).toEqual({ ok: false, reason, members: school });
    expect(result.members).toBe(school);
  });
});

/** Every subset of the roles that can be granted, as a person may hold them. */
const grantable: Role[] = ['svibber', 'ib', 'directie', 'beheerder'];
const everyCombination: Role[][] = Array.from({ length: 1 << grantable.length }, (_, bits) => grantable.filter((_role, i) => bits & (1 << i)));
const clash = (held: readonly Role[], role: Role): Role | undefined => {
  if (role === 'directie') return held.find((r) => r === 'svibber' || r === 'ib');
  if ((role === 'svibber' || role === 'ib') && held.includes('directie')) return 'directie';
  return undefined;
};
const holdsConflict = (roles: readonly Role[]) => roles.includes('directie') && (roles.includes('svibber') || roles.includes('ib'));
const label = (roles: readonly Role[]) => (roles.length ? roles.join('+') : 'leerkracht only');

describe('every role combination: nobody changes their own roles, leadership never guides or receives shares', () => {
  const cases = everyCombination.flatMap((held) => allRoles.map((role) => [label(held), role, held] as const));

  it.each(cases)('a beheerder granting to someone holding %s the role %s', (_label, role, held) => {
    const members = [member('boss', 'beheerder'), member('target', ...held)];
    const result = grantRole(members, { schoolId, actorId: 'boss', userId: 'target', role });
    const expectedClash = clash(held, role);
    if (role === 'leerkracht') expect(result).toMatchObject({ ok: false, reason: 'implicit-role' });
    else if (held.includes(role)) expect(result).toMatchObject({ ok: false, reason: 'already-has-role' });
    else if (expectedClash) expect(result).toEqual({ ok: false, reason: 'conflicting-roles', conflictsWith: expectedClash, members });
    else {
      expect(result.ok).toBe(true);
      const after = rolesOf(result.members, 'target');
      expect(after).toEqual(rolesOf([member('target', ...held, role)], 'target'));
      expect(holdsConflict(after) && !holdsConflict(held)).toBe(false);
    }
    if (!result.ok) expect(result.members).toBe(members);
  });

  it.each(cases)('a beheerder holding %s granting themselves %s is refused', (_label, role, held) => {
    const self = member('self', ...new Set<Role>([...held, 'beheerder']));
    const members = [self, member('other', 'beheerder')];
    expect(grantRole(members, { schoolId, actorId: 'self', userId: 'self', role })).toEqual({ ok: false, reason: 'own-roles', members });
    expect(revokeRole(members, { schoolId, actorId: 'self', userId: 'self', role })).toEqual({ ok: false, reason: 'own-roles', members });
  });

  it.each(cases)('someone holding %s without beheerder cannot grant %s to anyone', (_label, role, held) => {
    const actorRoles = held.filter((r) => r !== 'beheerder');
    const members = [member('actor', ...actorRoles), member('target', 'svibber')];
    for (const userId of ['actor', 'target']) {
      expect(grantRole(members, { schoolId, actorId: 'actor', userId, role })).toMatchObject({ ok: false, reason: 'not-beheerder' });
      expect(revokeRole(members, { schoolId, actorId: 'actor', userId, role })).toMatchObject({ ok: false, reason: 'not-beheerder' });
    }
  });

  it.each(cases)('a beheerder revoking from someone holding %s the role %s keeps at least one beheerder', (_label, role, held) => {
    const members = [member('boss', 'beheerder'), member('target', ...held)];
    const result = revokeRole(members, { schoolId, actorId: 'boss', userId: 'target', role });
    if (role === 'leerkracht') expect(result).toMatchObject({ ok: false, reason: 'implicit-role' });
    else if (!held.includes(role)) expect(result).toMatchObject({ ok: false, reason: 'does-not-have-role' });
    else expect(rolesOf(result.members, 'target')).toEqual(rolesOf([member('target', ...held.filter((r) => r !== role))], 'target'));
    expect(result.members.some((m) => m.roles.includes('beheerder'))).toBe(true);
  });

  it.each(everyCombination.map((held) => [label(held), held] as const))('names the clash of each role with %s', (_label, held) => {
    for (const role of allRoles) expect(conflictOf(held, role)).toBe(clash(held, role));
  });

  it.each(everyCombination.flatMap((held) => everyCombination.map((pending) => [label(held), label(pending), held, pending] as const)))(
    'claims roles given by e-mail (%s held, %s pending) without ever creating a clash',
    (_held, _pending, held, pending) => {
      const merged = mergePendingRoles(held, pending);
      expect(merged).toEqual(expect.arrayContaining(held));
      if (!holdsConflict(held)) expect(holdsConflict(merged)).toBe(false);
      for (const role of pending) if (!merged.includes(role)) expect(clash(merged, role)).toBeDefined();
    },
  );
});

describe('isInitialBeheerder', () => {
  const configured = ['  Bea@School.NL ', '6F1A2B3C-0000-4000-8000-00000000000A', ''];

  it.each([
    ['an e-mail address in another case', { email: 'bea@school.nl' }, true],
    ['an object id in another case', { aadObjectId: '6f1a2b3c-0000-4000-8000-00000000000a' }, true],
    ['someone else', { aadObjectId: 'other', email: 'tessa@school.nl' }, false],
    ['an object id that looks like a listed e-mail address', { aadObjectId: 'bea@school.nl' }, false],
    ['someone without id or e-mail', {}, false],
  ])('recognises %s: %s', (_, user, expected) => {
    expect(isInitialBeheerder(configured, user)).toBe(expected);
  });

  it('recognises nobody from an empty list or empty entries', () => {
    expect(isInitialBeheerder([], { aadObjectId: 'x', email: 'x@y.nl' })).toBe(false);
    expect(isInitialBeheerder(['', '  '], { aadObjectId: '', email: '' })).toBe(false);
  });
});

describe('nlRoles', () => {
  it.each(allRoles)('names the role %s', (role) => {
    expect(nlRoles.role[role].length).toBeGreaterThan(2);
  });

  it.each(roleChangeRefusals)('explains the refusal %s in a sentence', (reason) => {
    expect(nlRoles.refusal[reason]).toMatch(/^[A-Z].+\.$/);
  });
});
