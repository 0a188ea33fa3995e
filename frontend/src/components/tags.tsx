// Tags shared by several screens: a person's role, an instrument version's status.
import { useTranslation } from 'react-i18next';
import { ROLES } from '../api/enums';
import type { InstrumentVersion, Role } from '../api/types';
import { Tag } from './status';

/** True for the roles the API knows (a contribution or review carries its author's role as a string). */
export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function RoleTag({ role }: { role: Role }) {
  const { t } = useTranslation();
  const colour = role === 'admin' ? 'purple' : role === 'manager' ? 'blue' : role === 'staff' ? 'aqua-green' : 'green';
  return <Tag colour={colour}>{t(`roles.${role}`)}</Tag>;
}

export function VersionStatusTag({ status }: { status: InstrumentVersion['status'] }) {
  const { t } = useTranslation();
  const colour = status === 'published' ? 'green' : status === 'in_review' ? 'yellow' : 'grey';
  return <Tag colour={colour}>{t(`instruments.status.${status}`)}</Tag>;
}
