import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { INVITATION_STATUSES, ROLES } from '../../api/enums';
import { useLocalName } from '../../i18n/localized';
import { useOrganisationOptions } from '../../features/organisations/api';
import { invitationsList, useInviteMutation, useRevokeInvitationMutation } from '../../features/admin/api';
import type { Invitation, InvitationCreated, InvitationStatus, Role, User } from '../../api/types';
import { BackLink, ConfirmAction, CopyButton } from '../../components/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Select, TextInput } from '../../components/fields';
import { formatDateTime } from '../../components/format';
import { PaginatedTable } from '../../components/PaginatedTable';
import { LoadError, SuccessBanner, Tag } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { useFormErrors, type FieldError } from '../../components/useFormErrors';
import { RoleTag } from '../../components/tags';
import { isOrgAdmin } from './permissions';

function isStatus(value: string): value is InvitationStatus {
  return (INVITATION_STATUSES as readonly string[]).includes(value);
}

function StatusTag({ status }: { status: InvitationStatus }) {
  const { t } = useTranslation();
  const colour = status === 'pending' ? 'blue' : status === 'accepted' ? 'green' : status === 'revoked' ? 'red' : 'grey';
  return <Tag colour={colour}>{t(`admin.invitations.status.${status}`)}</Tag>;
}

function InviteForm({ user, initialOrganisation }: { user: User; initialOrganisation: string }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const invite = useInviteMutation();
  const organisations = useOrganisationOptions();
  const administered = (organisations.data?.items ?? []).filter((org) => isOrgAdmin(user, org.id));
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [organisationId, setOrganisationId] = useState(initialOrganisation);
  const [role, setRole] = useState<Role | ''>('');
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const form = useFormErrors('invite-', {
    email: t('admin.invitations.email'),
    display_name: t('admin.invitations.name'),
    organisation_id: t('admin.invitations.organisation'),
    role: t('admin.members.role'),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setCreated(null);
    const problems: FieldError[] = [];
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) problems.push({ name: 'email', message: t('admin.invitations.emailInvalid') });
    if (organisationId === '') problems.push({ name: 'organisation_id', message: t('admin.users.chooseOrganisation') });
    if (role === '') problems.push({ name: 'role', message: t('admin.users.chooseRole') });
    if (problems.length > 0 || role === '') {
      form.setFieldErrors(problems);
      return;
    }
    form.clear();
    invite.mutate(
      { email: email.trim(), display_name: displayName.trim() || null, organisation_id: organisationId, role },
      {
        onSuccess: (invitation) => {
          setCreated(invitation);
          setEmail('');
          setDisplayName('');
          setRole('');
        },
        onError: form.setProblem,
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="invite-title">
      <h2 id="invite-title">{t('admin.invitations.inviteTitle')}</h2>
      {created ? (
        <SuccessBanner title={t('admin.invitations.sent', { email: created.email })}>
          {created.accept_url ? (
            <div data-testid="dev-accept-link">
              <p>{t('admin.invitations.devLink')}</p>
              <p>
                <a href={created.accept_url}>{created.accept_url}</a>
              </p>
              <CopyButton text={created.accept_url} label={t('admin.invitations.copyLink')} />
            </div>
          ) : null}
        </SuccessBanner>
      ) : null}
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      {organisations.isError ? <LoadError error={organisations.error} onRetry={() => void organisations.refetch()} /> : null}
      <TextInput
        id={form.idFor('email')}
        type="email"
        label={t('admin.invitations.email')}
        autoComplete="off"
        spellCheck={false}
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        error={form.fieldError('email')}
      />
      <TextInput
        id={form.idFor('display_name')}
        label={t('admin.invitations.name')}
        hint={t('admin.invitations.nameHint')}
        value={displayName}
        onChange={(e) => setDisplayName(e.target.value)}
        error={form.fieldError('display_name')}
      />
      <Select
        id={form.idFor('organisation_id')}
        label={t('admin.invitations.organisation')}
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
      <Button busy={invite.isPending}>{t('admin.invitations.send')}</Button>
    </form>
  );
}

export function InvitationsPage({ user }: { user: User }) {
  const { t } = useTranslation();
  usePageTitle(t('admin.invitations.title'));
  const localName = useLocalName();
  const organisations = useOrganisationOptions();
  const revokeInvitation = useRevokeInvitationMutation();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status') ?? '';
  const status = isStatus(statusParam) ? statusParam : '';
  const initialOrganisation = params.get('organisation') ?? '';
  const [draftStatus, setDraftStatus] = useState<string>(status);
  const revoking = revokeInvitation.isPending ? revokeInvitation.variables : null;
  const orgNames = new Map((organisations.data?.items ?? []).map((org) => [org.id, localName(org)]));

  function revoke(invitation: Invitation) {
    // A failure is shown from revokeInvitation.error.
    return revokeInvitation.mutateAsync(invitation.id).then(
      () => undefined,
      () => undefined,
    );
  }

  return (
    <>
      <BackLink to="/admin">{t('admin.backToAdmin')}</BackLink>
      <h1>{t('admin.invitations.title')}</h1>
      <p>{t('admin.invitations.intro')}</p>
      <InviteForm user={user} initialOrganisation={initialOrganisation} />
      <h2 id="invitations-list-title">{t('admin.invitations.listTitle')}</h2>
      <form
        className="app-filters"
        role="search"
        aria-label={t('common.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          const next = new URLSearchParams(params);
          if (draftStatus) next.set('status', draftStatus);
          else next.delete('status');
          setParams(next);
        }}
      >
        <Select
          id="invitations-filter-status"
          label={t('common.status')}
          value={draftStatus}
          onChange={(e) => setDraftStatus(e.target.value)}
          options={[
            { value: '', label: t('common.any') },
            ...INVITATION_STATUSES.map((value) => ({ value, label: t(`admin.invitations.status.${value}`) })),
          ]}
        />
        <div className="nhsuk-form-group">
          <Button variant="secondary">{t('common.applyFilters')}</Button>
        </div>
      </form>
      {revokeInvitation.error ? <LoadError error={revokeInvitation.error} /> : null}
      <PaginatedTable<Invitation>
        {...invitationsList({ status: status || undefined })}
        caption={t('admin.invitations.listTitle')}
        captionHidden
        empty={t('admin.invitations.none')}
        rowKey={(row) => row.id}
        columns={[
          { key: 'email', header: t('admin.invitations.email'), rowHeader: true, cell: (row) => row.email },
          {
            key: 'organisation',
            header: t('admin.invitations.organisation'),
            cell: (row) => orgNames.get(row.organisation_id) ?? t('common.loading'),
          },
          { key: 'role', header: t('admin.members.role'), cell: (row) => <RoleTag role={row.role} /> },
          { key: 'status', header: t('common.status'), cell: (row) => <StatusTag status={row.status} /> },
          { key: 'expires', header: t('admin.invitations.expires'), cell: (row) => formatDateTime(row.expires_at) },
          {
            key: 'actions',
            header: <span className="nhsuk-u-visually-hidden">{t('common.actions')}</span>,
            cell: (row) =>
              row.status === 'pending' ? (
                <ConfirmAction
                  small
                  label={t('admin.invitations.revoke')}
                  hiddenContext={row.email}
                  question={t('admin.invitations.revokeQuestion', { email: row.email })}
                  confirmLabel={t('admin.invitations.revokeConfirm')}
                  busy={revoking === row.id}
                  onConfirm={() => revoke(row)}
                />
              ) : null,
          },
        ]}
      />
    </>
  );
}
