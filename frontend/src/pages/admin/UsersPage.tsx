import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../api/enums';
import { useLocalName } from '../../i18n/localized';
import { useOrganisationOptions } from '../../features/organisations/api';
import type { Role, User } from '../../api/types';
import { BackLink } from '../../components/actions';
import { Button, Select, TextInput } from '../../components/fields';
import { formatDateTime } from '../../components/format';
import { PaginatedTable } from '../../components/PaginatedTable';
import { Tag } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { RoleTag } from '../../components/tags';
import { usersList } from '../../features/admin/api';

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function UsersPage({ user }: { user: User }) {
  const { t } = useTranslation();
  usePageTitle(t('admin.users.title'));
  const localName = useLocalName();
  const organisations = useOrganisationOptions();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const organisationId = params.get('organisation_id') ?? '';
  const roleParam = params.get('role') ?? '';
  const role = isRole(roleParam) ? roleParam : '';
  const [draft, setDraft] = useState({ q, organisationId, role: role as string });
  const orgNames = new Map((organisations.data?.items ?? []).map((org) => [org.id, localName(org)]));

  return (
    <>
      <BackLink to="/admin">{t('admin.backToAdmin')}</BackLink>
      <h1>{t('admin.users.title')}</h1>
      <p>{user.is_platform_admin ? t('admin.users.introPlatform') : t('admin.users.intro')}</p>
      <p>
        <Link to="/admin/invitations">{t('admin.users.inviteLink')}</Link>
      </p>
      <form
        className="app-filters"
        role="search"
        aria-label={t('common.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          const next = new URLSearchParams();
          if (draft.q.trim()) next.set('q', draft.q.trim());
          if (draft.organisationId) next.set('organisation_id', draft.organisationId);
          if (draft.role) next.set('role', draft.role);
          setParams(next);
        }}
      >
        <TextInput id="users-filter-q" label={t('admin.users.search')} value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        <Select
          id="users-filter-organisation"
          label={t('admin.users.organisation')}
          value={draft.organisationId}
          onChange={(e) => setDraft({ ...draft, organisationId: e.target.value })}
          options={[
            { value: '', label: t('common.any') },
            ...(organisations.data?.items ?? []).map((org) => ({ value: org.id, label: localName(org) })),
          ]}
        />
        <Select
          id="users-filter-role"
          label={t('admin.members.role')}
          value={draft.role}
          onChange={(e) => setDraft({ ...draft, role: e.target.value })}
          options={[{ value: '', label: t('common.any') }, ...ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))]}
        />
        <div className="nhsuk-form-group">
          <Button variant="secondary">{t('common.applyFilters')}</Button>
        </div>
      </form>
      <PaginatedTable<User>
        {...usersList({ q: q || undefined, organisation_id: organisationId || undefined, role: role || undefined })}
        caption={t('admin.users.title')}
        captionHidden
        empty={t('admin.users.none')}
        rowKey={(row) => row.id}
        columns={[
          {
            key: 'name',
            header: t('admin.users.name'),
            rowHeader: true,
            cell: (row) => <Link to={`/admin/users/${row.id}`}>{row.display_name}</Link>,
          },
          { key: 'email', header: t('admin.users.email'), cell: (row) => row.email },
          {
            key: 'roles',
            header: t('admin.users.roles'),
            cell: (row) => (
              <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                {row.is_platform_admin ? <li>{t('roles.platform_admin')}</li> : null}
                {(row.memberships ?? []).map((m) => (
                  <li key={m.id}>
                    {orgNames.get(m.organisation_id) ?? t('admin.users.otherOrganisation')}: <RoleTag role={m.role} />
                  </li>
                ))}
              </ul>
            ),
          },
          {
            key: 'status',
            header: t('common.status'),
            cell: (row) =>
              row.is_active ? <Tag colour="green">{t('common.active')}</Tag> : <Tag colour="grey">{t('common.inactive')}</Tag>,
          },
          {
            key: 'lastSignIn',
            header: t('admin.users.lastSignIn'),
            cell: (row) => (row.last_sign_in_at ? formatDateTime(row.last_sign_in_at) : t('common.never')),
          },
        ]}
      />
    </>
  );
}
