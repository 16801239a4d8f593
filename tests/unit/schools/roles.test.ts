import { nlRoles } from '../../../src/texts/nlRoles';
import {
  allRoles,
  grantRole,
  hasRole,
  isInitialBeheerder,
  revokeRole,
  roleChangeRefusals,
  rolesOf,
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
    expect(revokeRole(school, { schoolId, actorId: 'bea', userId: 'bea', role: 'beheerder' })).toEqual({ ok: false, reason: 'last-beheerder', members: school });
  });

  it('lets a beheerder step down, or remove another beheerder, while another remains', () => {
    const two = [bea, member('bram', 'beheerder', 'svibber')];
    expect(revokeRole(two, { schoolId, actorId: 'bea', userId: 'bea', role: 'beheerder' })).toEqual({ ok: true, members: [two[1]] });
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
