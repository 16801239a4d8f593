import { grantRole, isInitialBeheerder, mergePendingRoles, revokeRole, rolesOf, type Role, type RoleChangeRefusal } from '../../domain/schools/roles';
import { chooseSchool, DEFAULT_SCHOOL_ID, schoolIdForTeam, type School } from '../../domain/schools/school';
import {
  effectiveRecordingSettings,
  parseRecordingSettings,
  type RecordingSettingField,
  type RecordingSettingProblem,
  type RecordingSettings,
} from '../../domain/schools/recordingSettings';
import type { PersonRepository } from '../../storage/people/PersonRepository';
import type { SchoolMemberRepository, StoredMember } from '../../storage/schools/SchoolMemberRepository';
import type { SchoolRepository } from '../../storage/schools/SchoolRepository';

/** Someone acting in a turn: who, at which school, with which roles (decided on the server). */
export interface Actor {
  tenantId: string;
  schoolId: string;
  userId: string;
  name: string;
  roles: readonly Role[];
}

/** What a turn tells about its sender; the e-mail address is fetched only when it is not known yet. */
export interface SeenPerson {
  tenantId: string;
  userId: string;
  name: string;
  fetchEmail: () => Promise<string | undefined>;
}

export type RoleTarget = { userId: string } | { email: string };

export type RoleChangeOutcome = { ok: true; members: StoredMember[] } | { ok: false; reason: RoleChangeRefusal; conflictsWith?: Role };

export interface SchoolDirectoryOptions {
  schools: SchoolRepository;
  members: SchoolMemberRepository;
  people: PersonRepository;
  initialBeheerders: readonly string[];
  defaultSchoolName: string;
  /** What a school gets until its beheerder chooses otherwise (from the deployment's configuration). */
  recordingDefaults: RecordingSettings;
  now: () => Date;
}

export type RecordingSettingsChange =
  | { ok: true; settings: RecordingSettings }
  | { ok: false; reason: 'not-beheerder' }
  | { ok: false; reason: 'invalid'; problems: Partial<Record<RecordingSettingField, RecordingSettingProblem>> };

/** Someone named by e-mail before the bot has met them holds roles under this id until they do. */
function pendingIdFor(email: string): string {
  return `mail:${email.trim().toLowerCase()}`;
}

/** Schools, people and roles: answers "who is this and what may they do" for every turn. */
export class SchoolDirectory {
  constructor(private readonly options: SchoolDirectoryOptions) {}

  async learnSchoolFromTeam(tenantId: string, teamId: string, name: string): Promise<School> {
    return this.options.schools.ensure({ tenantId, schoolId: schoolIdForTeam(teamId), name, teamId, createdAt: this.options.now() });
  }

  async schoolOf(tenantId: string, schoolId: string): Promise<School | undefined> {
    return this.options.schools.get(tenantId, schoolId);
  }

  async actorFor(seen: SeenPerson): Promise<Actor> {
    const { people, members } = this.options;
    const known = await people.get(seen.tenantId, seen.userId);
    const email = known?.email ?? (await seen.fetchEmail().catch(() => undefined))?.toLowerCase();
    const schoolId = known?.schoolId ?? (await this.defaultSchoolFor(seen.tenantId));
    if (!known || known.name !== seen.name || known.email !== email) {
      await people.put({ tenantId: seen.tenantId, userId: seen.userId, name: seen.name, email, schoolId: known?.schoolId });
    }

    let schoolMembers = await members.list(seen.tenantId, schoolId);
    if (email) schoolMembers = await this.claimPendingRoles(seen, email, schoolMembers);
    let roles = rolesOf(schoolMembers, seen.userId);
    if (!roles.includes('beheerder') && isInitialBeheerder(this.options.initialBeheerders, { aadObjectId: seen.userId, email })) {
      roles = [...roles, 'beheerder'];
      await this.storeRoles(seen.tenantId, { schoolId, userId: seen.userId, roles: roles.filter((role) => role !== 'leerkracht'), name: seen.name, email });
    }
    return { tenantId: seen.tenantId, schoolId, userId: seen.userId, name: seen.name, roles };
  }

  /**
   * Places a person at a school with roles, without a beheerder: only for local seeding of
   * mock people, never reachable from Teams.
   */
  async seedMember(tenantId: string, schoolId: string, person: { userId: string; name: string; email?: string }, roles: readonly Role[]): Promise<void> {
    await this.options.people.put({ tenantId, userId: person.userId, name: person.name, email: person.email, schoolId });
    await this.storeRoles(tenantId, { schoolId, userId: person.userId, roles: roles.filter((role) => role !== 'leerkracht'), name: person.name, email: person.email });
  }

  /** A person who started a trajectory stays at that school, also when the tenant learns more schools later. */
  async pinSchool(actor: Actor): Promise<void> {
    await this.pinPerson(actor.tenantId, actor.userId, actor.schoolId);
  }

  /**
   * The school of someone who already talks to the bot, as a card would find it; undefined for a
   * stranger (a valid Teams sign-in alone does not place anyone at a school).
   */
  async schoolIdOf(tenantId: string, userId: string): Promise<string | undefined> {
    const known = await this.options.people.get(tenantId, userId);
    if (!known) return undefined;
    return known.schoolId ?? (await this.defaultSchoolFor(tenantId));
  }

  /** The school's recording settings, with the deployment's defaults where it chose none. */
  async recordingSettingsOf(tenantId: string, schoolId: string): Promise<RecordingSettings> {
    const school = await this.options.schools.get(tenantId, schoolId);
    return effectiveRecordingSettings(school?.recordingSettings, this.options.recordingDefaults);
  }

  /** Only a beheerder of the school changes them, and only to values that are all valid. */
  async changeRecordingSettings(actor: Actor, input: { maxGigabytes: unknown; retentionDays: unknown }): Promise<RecordingSettingsChange> {
    const roles = rolesOf(await this.membersOf(actor.tenantId, actor.schoolId), actor.userId);
    const beheerder = roles.includes('beheerder') || isInitialBeheerder(this.options.initialBeheerders, { aadObjectId: actor.userId });
    if (!beheerder) return { ok: false, reason: 'not-beheerder' };
    const parsed = parseRecordingSettings(input);
    if (!parsed.ok) return { ok: false, reason: 'invalid', problems: parsed.problems };
    await this.options.schools.saveRecordingSettings(actor.tenantId, actor.schoolId, parsed.settings);
    return { ok: true, settings: parsed.settings };
  }

  /** Roles of someone at a school, decided from storage (for links that carry only who, not what). */
  async subjectFor(tenantId: string, schoolId: string, userId: string): Promise<{ tenantId: string; schoolId: string; userId: string; roles: readonly Role[] }> {
    return { tenantId, schoolId, userId, roles: rolesOf(await this.membersOf(tenantId, schoolId), userId) };
  }

  /** Someone the bot has met in this tenant, by id or e-mail address. */
  async findPerson(tenantId: string, target: RoleTarget): Promise<{ userId: string; name: string; schoolId?: string } | undefined> {
    const { people } = this.options;
    return 'userId' in target ? people.get(tenantId, target.userId) : people.findByEmail(tenantId, target.email);
  }

  /** Places a person at a school unless a school claimed them already. */
  async pinPerson(tenantId: string, userId: string, schoolId: string): Promise<void> {
    const person = await this.options.people.get(tenantId, userId);
    if (person && !person.schoolId) await this.options.people.put({ ...person, schoolId });
  }

  /** People the bot has met who belong to this school (a fallback when no team roster is at hand). */
  async peopleAt(tenantId: string, schoolId: string): Promise<{ userId: string; name: string; email?: string }[]> {
    return this.options.people.listAtSchool(tenantId, schoolId);
  }

  async membersOf(tenantId: string, schoolId: string): Promise<StoredMember[]> {
    return this.options.members.list(tenantId, schoolId);
  }

  async holdersOf(tenantId: string, schoolId: string, role: Role): Promise<StoredMember[]> {
    return (await this.membersOf(tenantId, schoolId)).filter((member) => member.roles.includes(role) && !member.userId.startsWith('mail:'));
  }

  async changeRole(actor: Actor, target: RoleTarget, role: Role, change: 'grant' | 'revoke'): Promise<RoleChangeOutcome> {
    const { tenantId, schoolId } = actor;
    const current = await this.membersOf(tenantId, schoolId);
    const person = 'userId' in target ? await this.options.people.get(tenantId, target.userId) : await this.options.people.findByEmail(tenantId, target.email);
    // One's own address typed in counts as oneself, also before the address is linked to the person.
    const ownEmail = 'email' in target ? (await this.options.people.get(tenantId, actor.userId))?.email : undefined;
    const isOwnEmail = ownEmail !== undefined && 'email' in target && ownEmail.toLowerCase() === target.email.trim().toLowerCase();
    const userId = isOwnEmail ? actor.userId : (person?.userId ?? ('userId' in target ? target.userId : pendingIdFor(target.email)));
    const decide = change === 'grant' ? grantRole : revokeRole;
    // Someone named by e-mail who never signed in cannot act yet, so they do not count as the school's last beheerder.
    const counted = change === 'revoke' ? current.filter((member) => !member.userId.startsWith('mail:') || member.userId === userId) : current;
    const result = decide(counted, { schoolId, actorId: actor.userId, userId, role });
    if (!result.ok) return { ok: false, reason: result.reason, conflictsWith: result.conflictsWith };

    const changed = result.members.find((member) => member.userId === userId);
    const previous = current.find((member) => member.userId === userId);
    await this.storeRoles(tenantId, {
      schoolId,
      userId,
      roles: changed?.roles ?? [],
      name: person?.name ?? previous?.name,
      email: person?.email ?? previous?.email ?? ('email' in target ? target.email.trim().toLowerCase() : undefined),
    });
    return { ok: true, members: await this.membersOf(tenantId, schoolId) };
  }

  private async storeRoles(tenantId: string, member: StoredMember): Promise<void> {
    await this.options.members.put(tenantId, member);
    if (member.roles.length > 0 && !member.userId.startsWith('mail:')) {
      const person = await this.options.people.get(tenantId, member.userId);
      if (person && !person.schoolId) await this.options.people.put({ ...person, schoolId: member.schoolId });
    }
  }

  private async claimPendingRoles(seen: SeenPerson, email: string, schoolMembers: StoredMember[]): Promise<StoredMember[]> {
    const pending = schoolMembers.find((member) => member.userId === pendingIdFor(email));
    if (!pending) return schoolMembers;
    const own = schoolMembers.find((member) => member.userId === seen.userId);
    const roles = mergePendingRoles(own?.roles ?? [], pending.roles);
    await this.storeRoles(seen.tenantId, { ...pending, userId: seen.userId, roles, name: seen.name, email });
    await this.options.members.put(seen.tenantId, { ...pending, roles: [] });
    return this.membersOf(seen.tenantId, pending.schoolId);
  }

  private async defaultSchoolFor(tenantId: string): Promise<string> {
    const schools = await this.options.schools.listForTenant(tenantId);
    const schoolId = chooseSchool([], schools);
    if (schoolId === DEFAULT_SCHOOL_ID && !schools.some((school) => school.schoolId === DEFAULT_SCHOOL_ID)) {
      await this.options.schools.ensure({ tenantId, schoolId, name: this.options.defaultSchoolName, createdAt: this.options.now() });
    }
    return schoolId;
  }
}
