import { useEffect, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../api/enums';
import { useLocalName } from '../../i18n/localized';
import { useOrganisationOptions } from '../../features/organisations/api';
import {
  useAddMembershipMutation,
  useRemoveMembershipMutation,
  useUpdateUserMutation,
  useUser,
} from '../../features/admin/api';
import type { Membership, Role, User } from '../../api/types';
import { BackLink, ConfirmAction } from '../../components/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Checkbox, Select, TextInput } from '../../components/fields';
import { formatDateTime } from '../../components/format';
import { LoadError, Loading, SuccessBanner, Tag } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { useFormErrors, type FieldError } from '../../components/useFormErrors';
import { RoleTag } from '../../components/tags';
import { isOrgAdmin } from './permissions';

function EditUserForm({ person, etag, me }: { person: User; etag: string | null; me: User }) {
  const { t } = useTranslation();
  const update = useUpdateUserMutation(person, etag, me);
  const [displayName, setDisplayName] = useState(person.display_name);
  const [active, setActive] = useState(person.is_active);
  const [platformAdmin, setPlatformAdmin] = useState(person.is_platform_admin);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors('user-edit-', {
    display_name: t('admin.users.name'),
    is_active: t('admin.users.active'),
    is_platform_admin: t('admin.users.platformAdmin'),
  });

  useEffect(() => {
    setDisplayName(person.display_name);
    setActive(person.is_active);
    setPlatformAdmin(person.is_platform_admin);
  }, [person]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (displayName.trim() === '') {
      form.setFieldErrors([{ name: 'display_name', message: t('profile.nameMissing') }]);
      return;
    }
    form.clear();
    update.mutate(
      {
        display_name: displayName.trim(),
        is_active: active,
        ...(me.is_platform_admin ? { is_platform_admin: platformAdmin } : {}),
      },
      { onSuccess: () => setSaved(true), onError: form.setProblem },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="user-edit-title">
      <h2 id="user-edit-title">{t('admin.users.editTitle')}</h2>
      {saved ? <SuccessBanner title={t('common.saved')} /> : null}
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <TextInput
        id={form.idFor('display_name')}
        label={t('admin.users.name')}
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        error={form.fieldError('display_name')}
      />
      <Checkbox
        id={form.idFor('is_active')}
        label={t('admin.users.active')}
        hint={t('admin.users.activeHint')}
        checked={active}
        onChange={setActive}
      />
      {me.is_platform_admin ? (
        <Checkbox
          id={form.idFor('is_platform_admin')}
          label={t('admin.users.platformAdmin')}
          hint={t('admin.users.platformAdminHint')}
          checked={platformAdmin}
          onChange={setPlatformAdmin}
        />
      ) : null}
      <Button busy={update.isPending}>{t('common.saveChanges')}</Button>
    </form>
  );
}

function RolesSection({ person, me }: { person: User; me: User }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const organisations = useOrganisationOptions();
  const addRole = useAddMembershipMutation();
  const removeRole = useRemoveMembershipMutation();
  const [organisationId, setOrganisationId] = useState('');
  const [role, setRole] = useState<Role | ''>('');
  const [message, setMessage] = useState<string | null>(null);
  const form = useFormErrors('role-add-', {
    organisation_id: t('admin.users.organisation'),
    role: t('admin.members.role'),
    user_id: t('admin.users.name'),
  });
  const names = new Map((organisations.data?.items ?? []).map((org) => [org.id, localName(org)]));
  const administered = (organisations.data?.items ?? []).filter((org) => isOrgAdmin(me, org.id));

  const removing = removeRole.isPending ? removeRole.variables.membershipId : null;

  function add(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const problems: FieldError[] = [];
    if (organisationId === '') problems.push({ name: 'organisation_id', message: t('admin.users.chooseOrganisation') });
    if (role === '') problems.push({ name: 'role', message: t('admin.users.chooseRole') });
    if (problems.length > 0 || role === '') {
      form.setFieldErrors(problems);
      return;
    }
    form.clear();
    addRole.mutate(
      { organisationId, userId: person.id, role },
      {
        onSuccess: () => {
          setMessage(t('admin.users.roleAdded'));
          setOrganisationId('');
          setRole('');
        },
        onError: form.setProblem,
      },
    );
  }

  function remove(membership: Membership) {
    setMessage(null);
    return removeRole.mutateAsync({ organisationId: membership.organisation_id, membershipId: membership.id }).then(
      () => setMessage(t('admin.users.roleRemoved')),
      () => undefined, // shown from removeRole.error
    );
  }

  const memberships = person.memberships ?? [];
  return (
    <section aria-labelledby="roles-title">
      <h2 id="roles-title">{t('admin.users.rolesTitle')}</h2>
      {message ? <SuccessBanner title={message} /> : null}
      {removeRole.error ? <LoadError error={removeRole.error} /> : null}
      {memberships.length === 0 ? (
        <p>{t('admin.users.noRoles')}</p>
      ) : (
        <dl className="nhsuk-summary-list">
          {memberships.map((membership) => {
            const orgName = names.get(membership.organisation_id) ?? t('admin.users.otherOrganisation');
            return (
              <div className="nhsuk-summary-list__row" key={membership.id}>
                <dt className="nhsuk-summary-list__key">{orgName}</dt>
                <dd className="nhsuk-summary-list__value">
                  <RoleTag role={membership.role} />
                </dd>
                <dd className="nhsuk-summary-list__actions">
                  {isOrgAdmin(me, membership.organisation_id) ? (
                    <ConfirmAction
                      small
                      label={t('admin.users.removeRole')}
                      hiddenContext={`${t(`roles.${membership.role}`)}, ${orgName}`}
                      question={t('admin.users.removeRoleQuestion', {
                        role: t(`roles.${membership.role}`),
                        organisation: orgName,
                        name: person.display_name,
                      })}
                      confirmLabel={t('admin.users.removeRoleConfirm')}
                      busy={removing === membership.id}
                      onConfirm={() => remove(membership)}
                    />
                  ) : null}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {administered.length > 0 ? (
        <form onSubmit={add} noValidate aria-labelledby="role-add-title">
          <h3 id="role-add-title">{t('admin.users.addRoleTitle')}</h3>
          <ErrorSummary detail={form.detail} items={form.summaryItems} />
          <Select
            id={form.idFor('organisation_id')}
            label={t('admin.users.organisation')}
            value={organisationId}
            onChange={(e) => setOrganisationId(e.target.value)}
            error={form.fieldError('organisation_id')}
            options={[{ value: '', label: t('common.choose') }, ...administered.map((org) => ({ value: org.id, label: localName(org) }))]}
          />
          <Select
            id={form.idFor('role')}
            label={t('admin.members.role')}
            value={role}
            onChange={(e) => setRole(e.target.value as Role | '')}
            error={form.fieldError('role')}
            options={[{ value: '', label: t('common.choose') }, ...ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))]}
          />
          <Button busy={addRole.isPending}>{t('admin.users.addRole')}</Button>
        </form>
      ) : null}
    </section>
  );
}

export function UserDetailPage({ user: me }: { user: User }) {
  const { t } = useTranslation();
  const { userId = '' } = useParams();
  const query = useUser(userId);
  usePageTitle(query.data ? query.data.data.display_name : t('admin.users.title'));

  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        <BackLink to="/admin/users">{t('admin.users.back')}</BackLink>
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const { data: person, etag } = query.data;
  const mayEdit = me.is_platform_admin || (person.memberships ?? []).some((m) => isOrgAdmin(me, m.organisation_id));
  return (
    <>
      <BackLink to="/admin/users">{t('admin.users.back')}</BackLink>
      <h1>{person.display_name}</h1>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('admin.users.email')}</dt>
          <dd className="nhsuk-summary-list__value">{person.email}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('profile.language')}</dt>
          <dd className="nhsuk-summary-list__value">{person.language === 'cy' ? 'Cymraeg' : 'English'}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('common.status')}</dt>
          <dd className="nhsuk-summary-list__value">
            {person.is_active ? <Tag colour="green">{t('common.active')}</Tag> : <Tag colour="grey">{t('common.inactive')}</Tag>}{' '}
            {person.is_platform_admin ? <Tag colour="purple">{t('roles.platform_admin')}</Tag> : null}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('admin.users.lastSignIn')}</dt>
          <dd className="nhsuk-summary-list__value">
            {person.last_sign_in_at ? formatDateTime(person.last_sign_in_at) : t('common.never')}
          </dd>
        </div>
      </dl>
      <RolesSection person={person} me={me} />
      {mayEdit ? <EditUserForm person={person} etag={etag} me={me} /> : null}
    </>
  );
}
