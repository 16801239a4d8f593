import { allRoles, implicitRole, type Role } from '../domain/schools/roles';
import { fillIn, type Texts, textsFor } from '../texts';
import { cardVerbs } from './cardVerbs';
import { renderCard, type AdaptiveCardJson } from './renderCard';

export interface RoleHolder {
  userId: string;
  name?: string;
  email?: string;
  roles: readonly Role[];
}

export interface RolesCardInput {
  schoolName: string;
  members: readonly RoleHolder[];
  /** Colleagues to pick from: the team roster, or the people the bot knows at this school. */
  people: readonly { userId: string; name: string }[];
  notice?: { text: string; tone: 'good' | 'attention' };
  values?: { userId?: string; email?: string; role?: string };
  errors?: { person?: string; role?: string };
}

export const grantableRoles: readonly Role[] = allRoles.filter((role) => role !== implicitRole);

/** Who holds which role at the school, with a button per role to take it away and a form to give one. */
export function rolesCard(input: RolesCardInput, texts: Texts = textsFor()): AdaptiveCardJson {
  const roleName = texts.roles.role;
  const members = [...input.members]
    .sort((a, b) => (a.name ?? a.email ?? '').localeCompare(b.name ?? b.email ?? '', 'nl'))
    .map((member) => ({
      name: member.name ?? member.email ?? member.userId,
      detail: [member.email && member.name ? `(${member.email})` : '', member.userId.startsWith('mail:') ? texts.settings.pendingDetail : '', '· ' + member.roles.map((role) => roleName[role]).join(', ')]
        .filter(Boolean)
        .join(' '),
      roles: member.roles.map((role) => ({
        removeTitle: fillIn(texts.settings.remove, { role: roleName[role] }),
        verb: cardVerbs.rolesRevoke,
        userId: member.userId,
        role,
      })),
    }));
  return renderCard(
    'roles',
    {
      schoolName: input.schoolName,
      notice: input.notice?.text ?? '',
      noticeColor: input.notice?.tone === 'attention' ? 'Attention' : 'Good',
      members,
      people: input.people.map((person) => ({ title: person.name, value: person.userId })),
      roleChoices: grantableRoles.map((role) => ({ title: roleName[role], value: role })),
      values: { userId: input.values?.userId ?? '', email: input.values?.email ?? '', role: input.values?.role ?? '' },
      errors: { person: input.errors?.person ?? '', role: input.errors?.role ?? '' },
    },
    texts,
  );
}
