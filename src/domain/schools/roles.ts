/**
 * Who holds which role at one school. Pure: the storage layer keeps one row per member of a
 * school, the Teams layer resolves people from the roster; this module only decides.
 */
export const allRoles = ['leerkracht', 'svibber', 'ib', 'directie', 'beheerder'] as const;
export type Role = (typeof allRoles)[number];

/** Everyone at a school teaches, so this role is never stored, granted or revoked. */
export const implicitRole: Role = 'leerkracht';

export interface SchoolMember {
  schoolId: string;
  /** The Entra (AAD) object id of the user. */
  userId: string;
  /** The roles granted explicitly, without duplicates, in the order of allRoles. */
  roles: readonly Role[];
}

export interface RoleChange {
  schoolId: string;
  /** Who asks for the change; must be a beheerder of the school. */
  actorId: string;
  /** Whose roles change. */
  userId: string;
  role: Role;
}

export const roleChangeRefusals = [
  'not-beheerder',
  'own-roles',
  'conflicting-roles',
  'last-beheerder',
  'implicit-role',
  'already-has-role',
  'does-not-have-role',
] as const;
export type RoleChangeRefusal = (typeof roleChangeRefusals)[number];

/** On a refusal the members are returned as the same, untouched array. */
export type RoleChangeResult =
  | { ok: true; members: readonly SchoolMember[] }
  | { ok: false; reason: RoleChangeRefusal; members: readonly SchoolMember[]; /** For conflicting-roles: the role held that clashes. */ conflictsWith?: Role };

/**
 * Roles one person never holds together. School leadership sees figures, never trajectory
 * content: consent given to one's employer is not freely given, and SVIB stays apart from
 * assessment. So directie never guides a trajectory (svibber: takes up requests, reads intake
 * answers, sees recordings) and is never the IB'er, the colleague teachers share recordings
 * with in confidence (directie is refused as a grantee whatever a grant says). Beheerder only
 * manages roles and settings and sees no content, so it combines with anything; svibber and
 * ib are often one person.
 */
export const conflictingRoles: readonly (readonly [Role, Role])[] = [
  ['directie', 'svibber'],
  ['directie', 'ib'],
];

/** The role among `held` that may not be combined with `role`, if any. */
export function conflictOf(held: readonly Role[], role: Role): Role | undefined {
  for (const [a, b] of conflictingRoles) {
    if (role === a && held.includes(b)) return b;
    if (role === b && held.includes(a)) return a;
  }
  return undefined;
}

/**
 * Roles given by e-mail before the person was met, added to what they hold: a pending role that
 * clashes with a held one is dropped (what a beheerder saw on the roles card stays true).
 */
export function mergePendingRoles(held: readonly Role[], pending: readonly Role[]): Role[] {
  const merged = inRoleOrder(held.filter((role) => role !== implicitRole));
  for (const role of inRoleOrder(pending)) {
    if (role === implicitRole || merged.includes(role) || conflictOf(merged, role)) continue;
    merged.push(role);
  }
  return inRoleOrder(merged);
}

function inRoleOrder(roles: Iterable<Role>): Role[] {
  const set = new Set(roles);
  return allRoles.filter((role) => set.has(role));
}

/**
 * The roles of a user, given the members of one school (one storage partition). Always
 * includes leerkracht, also for someone who is not a member yet.
 */
export function rolesOf(members: readonly SchoolMember[], userId: string): readonly Role[] {
  const granted = members.find((member) => member.userId === userId)?.roles ?? [];
  return inRoleOrder([implicitRole, ...granted]);
}

export function hasRole(roles: readonly Role[], role: Role): boolean {
  return role === implicitRole || roles.includes(role);
}

function withRoles(members: readonly SchoolMember[], schoolId: string, userId: string, roles: Role[]): SchoolMember[] {
  const others = members.filter((member) => member.userId !== userId);
  // A member without explicit roles is an ordinary teacher: no row needed.
  if (roles.length === 0) return others;
  return [...others, { schoolId, userId, roles }];
}

function explicitRolesOf(members: readonly SchoolMember[], userId: string): Role[] {
  return inRoleOrder(members.find((member) => member.userId === userId)?.roles ?? []);
}

export function grantRole(members: readonly SchoolMember[], change: RoleChange): RoleChangeResult {
  const refuse = (reason: RoleChangeRefusal): RoleChangeResult => ({ ok: false, reason, members });
  if (!explicitRolesOf(members, change.actorId).includes('beheerder')) return refuse('not-beheerder');
  // Nobody grants themselves a role: a beheerder who is also directie could otherwise make
  // himself SVIB'er and read intake answers.
  if (change.actorId === change.userId) return refuse('own-roles');
  if (change.role === implicitRole) return refuse('implicit-role');
  const current = explicitRolesOf(members, change.userId);
  if (current.includes(change.role)) return refuse('already-has-role');
  const conflictsWith = conflictOf(current, change.role);
  if (conflictsWith) return { ok: false, reason: 'conflicting-roles', members, conflictsWith };
  return { ok: true, members: withRoles(members, change.schoolId, change.userId, inRoleOrder([...current, change.role])) };
}

export function revokeRole(members: readonly SchoolMember[], change: RoleChange): RoleChangeResult {
  const refuse = (reason: RoleChangeRefusal): RoleChangeResult => ({ ok: false, reason, members });
  if (!explicitRolesOf(members, change.actorId).includes('beheerder')) return refuse('not-beheerder');
  // Own roles are changed by another beheerder, so one person never reshapes their own access.
  if (change.actorId === change.userId) return refuse('own-roles');
  if (change.role === implicitRole) return refuse('implicit-role');
  const current = explicitRolesOf(members, change.userId);
  if (!current.includes(change.role)) return refuse('does-not-have-role');
  // A school must never lock itself out: at least one beheerder stays (the own-roles rule already
  // keeps a beheerder from removing themselves; this also holds should that rule ever change).
  const beheerders = members.filter((member) => member.roles.includes('beheerder')).length;
  if (change.role === 'beheerder' && beheerders <= 1) return refuse('last-beheerder');
  const remaining = current.filter((role) => role !== change.role);
  return { ok: true, members: withRoles(members, change.schoolId, change.userId, remaining) };
}

/**
 * Whether configuration names this user as a first beheerder. The configuration lists Entra
 * object ids or e-mail addresses, typed by a person: both compare without case and spaces.
 */
export function isInitialBeheerder(
  configuredIdentities: readonly string[],
  user: { aadObjectId?: string; email?: string },
): boolean {
  const normalize = (value: string | undefined): string => (value ?? '').trim().toLowerCase();
  const aadObjectId = normalize(user.aadObjectId);
  const email = normalize(user.email);
  return configuredIdentities.some((entry) => {
    const identity = normalize(entry);
    if (identity === '') return false;
    return identity.includes('@') ? identity === email : identity === aadObjectId;
  });
}
