import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, unwrap, unwrapWithEtag } from '../../api/client';
import { ORGANISATION_KINDS, SERVICE_KINDS } from '../../api/enums';
import { useLocalName } from '../../i18n/localized';
import { useOrganisation } from '../../features/organisations/api';
import { fetchAllPages } from '../../api/pages';
import { ApiProblem } from '../../api/problem';
import type { MembershipWithUser, Organisation, OrganisationKind, Service, ServiceKind, User } from '../../api/types';
import { BackLink, ConfirmAction } from '../../components/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Checkbox, Select, TextInput } from '../../components/fields';
import { PaginatedTable } from '../../components/PaginatedTable';
import { Empty, LoadError, Loading, SuccessBanner, Tag } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { useFormErrors, type FieldError } from '../../components/useFormErrors';
import { RoleTag } from '../../components/tags';

function canManageServices(user: User, organisationId: string): boolean {
  return (
    user.is_platform_admin ||
    (user.memberships ?? []).some((m) => m.organisation_id === organisationId && (m.role === 'admin' || m.role === 'manager'))
  );
}

export function isOrgAdmin(user: User, organisationId: string): boolean {
  return (
    user.is_platform_admin ||
    (user.memberships ?? []).some((m) => m.organisation_id === organisationId && m.role === 'admin')
  );
}

// ----------------------------------------------------------------------------- edit

function EditOrganisationForm({ organisation, etag }: { organisation: Organisation; etag: string | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState(organisation.name);
  const [nameCy, setNameCy] = useState(organisation.name_cy ?? '');
  const [kind, setKind] = useState<OrganisationKind>(organisation.kind);
  const [active, setActive] = useState(organisation.is_active);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors('org-edit-', {
    name: t('admin.organisations.name'),
    name_cy: t('admin.organisations.nameCy'),
    kind: t('admin.organisations.kind'),
    is_active: t('admin.organisations.active'),
  });

  useEffect(() => {
    setName(organisation.name);
    setNameCy(organisation.name_cy ?? '');
    setKind(organisation.kind);
    setActive(organisation.is_active);
  }, [organisation]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (name.trim() === '') {
      form.setFieldErrors([{ name: 'name', message: t('admin.organisations.nameMissing') }]);
      return;
    }
    setBusy(true);
    form.clear();
    try {
      const result = await unwrapWithEtag(
        api.PATCH('/api/v1/organisations/{organisation_id}', {
          params: { path: { organisation_id: organisation.id }, header: { 'If-Match': etag ?? `"${organisation.version}"` } },
          body: { name: name.trim(), name_cy: nameCy.trim() || null, kind, is_active: active },
        }),
      );
      queryClient.setQueryData(['organisations', organisation.id], result);
      await queryClient.invalidateQueries({ queryKey: ['organisations', 'list'] });
      setSaved(true);
    } catch (error) {
      form.setProblem(error);
      if (error instanceof ApiProblem && error.status === 412) {
        await queryClient.invalidateQueries({ queryKey: ['organisations', organisation.id] });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="org-edit-title">
      <h2 id="org-edit-title">{t('admin.organisations.editTitle')}</h2>
      {saved ? <SuccessBanner title={t('common.saved')} /> : null}
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <TextInput
        id={form.idFor('name')}
        label={t('admin.organisations.name')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={form.fieldError('name')}
      />
      <TextInput
        id={form.idFor('name_cy')}
        label={t('admin.organisations.nameCy')}
        hint={t('common.optional')}
        lang="cy"
        value={nameCy}
        onChange={(event) => setNameCy(event.target.value)}
        error={form.fieldError('name_cy')}
      />
      <Select
        id={form.idFor('kind')}
        label={t('admin.organisations.kind')}
        value={kind}
        onChange={(event) => setKind(event.target.value as OrganisationKind)}
        error={form.fieldError('kind')}
        options={ORGANISATION_KINDS.map((value) => ({ value, label: t(`kinds.organisation.${value}`) }))}
      />
      <Checkbox
        id={form.idFor('is_active')}
        label={t('admin.organisations.active')}
        hint={t('admin.organisations.activeHint')}
        checked={active}
        onChange={setActive}
      />
      <Button busy={busy}>{t('common.saveChanges')}</Button>
    </form>
  );
}

// ----------------------------------------------------------------------------- services

interface TreeNode {
  service: Service;
  children: TreeNode[];
}

/** Arrange services under their parents; a service whose parent is missing sits at the top. */
export function buildServiceTree(services: Service[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const service of services) nodes.set(service.id, { service, children: [] });
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parentId = node.service.parent_id;
    const parent = parentId && parentId !== node.service.id ? nodes.get(parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const byName = (a: TreeNode, b: TreeNode) => a.service.name.localeCompare(b.service.name);
  const sortAll = (list: TreeNode[]) => {
    list.sort(byName);
    list.forEach((node) => sortAll(node.children));
  };
  sortAll(roots);
  return roots;
}

function ServiceTree({ nodes }: { nodes: TreeNode[] }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  return (
    <ul>
      {nodes.map(({ service, children }) => (
        <li key={service.id}>
          <Link to={`/admin/services/${service.id}`}>{localName(service)}</Link>{' '}
          <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">
            ({t(`kinds.service.${service.kind}`)}
            {service.code ? `, ${service.code}` : ''})
          </span>{' '}
          {service.is_active ? null : <Tag colour="grey">{t('common.inactive')}</Tag>}
          {children.length > 0 ? <ServiceTree nodes={children} /> : null}
        </li>
      ))}
    </ul>
  );
}

export function useAllServices(organisationId: string) {
  return useQuery({
    enabled: organisationId !== '',
    queryKey: ['organisations', organisationId, 'services', 'all'],
    queryFn: () =>
      fetchAllPages((cursor) =>
        unwrap(
          api.GET('/api/v1/organisations/{organisation_id}/services', {
            params: { path: { organisation_id: organisationId }, query: { limit: 200, cursor: cursor ?? undefined } },
          }),
        ),
      ),
  });
}

function AddServiceForm({ organisationId, services }: { organisationId: string; services: Service[] }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [nameCy, setNameCy] = useState('');
  const [kind, setKind] = useState<ServiceKind | ''>('');
  const [code, setCode] = useState('');
  const [parentId, setParentId] = useState('');
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const form = useFormErrors('service-new-', {
    name: t('admin.services.name'),
    name_cy: t('admin.services.nameCy'),
    kind: t('admin.services.kind'),
    code: t('admin.services.code'),
    parent_id: t('admin.services.parent'),
  });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const problems: FieldError[] = [];
    if (name.trim() === '') problems.push({ name: 'name', message: t('admin.services.nameMissing') });
    if (kind === '') problems.push({ name: 'kind', message: t('admin.services.kindMissing') });
    if (problems.length > 0 || kind === '') {
      form.setFieldErrors(problems);
      return;
    }
    setBusy(true);
    form.clear();
    try {
      const created = await unwrap(
        api.POST('/api/v1/organisations/{organisation_id}/services', {
          params: { path: { organisation_id: organisationId } },
          body: {
            name: name.trim(),
            name_cy: nameCy.trim() || null,
            kind,
            code: code.trim() || null,
            parent_id: parentId || null,
          },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['organisations', organisationId, 'services'] });
      setAdded(localName(created));
      setName('');
      setNameCy('');
      setKind('');
      setCode('');
      setParentId('');
    } catch (error) {
      form.setProblem(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="service-new-title">
      <h3 id="service-new-title">{t('admin.services.addTitle')}</h3>
      {added ? <SuccessBanner title={t('admin.services.added', { name: added })} /> : null}
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <TextInput
        id={form.idFor('name')}
        label={t('admin.services.name')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        error={form.fieldError('name')}
      />
      <TextInput
        id={form.idFor('name_cy')}
        label={t('admin.services.nameCy')}
        hint={t('common.optional')}
        lang="cy"
        value={nameCy}
        onChange={(event) => setNameCy(event.target.value)}
        error={form.fieldError('name_cy')}
      />
      <Select
        id={form.idFor('kind')}
        label={t('admin.services.kind')}
        value={kind}
        onChange={(event) => setKind(event.target.value as ServiceKind | '')}
        error={form.fieldError('kind')}
        options={[
          { value: '', label: t('common.choose') },
          ...SERVICE_KINDS.map((value) => ({ value, label: t(`kinds.service.${value}`) })),
        ]}
      />
      <TextInput
        id={form.idFor('code')}
        label={t('admin.services.code')}
        hint={t('admin.services.codeHint')}
        widthClass="nhsuk-input--width-10"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={form.fieldError('code')}
      />
      <Select
        id={form.idFor('parent_id')}
        label={t('admin.services.parent')}
        hint={t('admin.services.parentHint')}
        value={parentId}
        onChange={(event) => setParentId(event.target.value)}
        error={form.fieldError('parent_id')}
        options={[
          { value: '', label: t('admin.services.noParent') },
          ...services.map((service) => ({ value: service.id, label: localName(service) })),
        ]}
      />
      <Button busy={busy}>{t('admin.services.add')}</Button>
    </form>
  );
}

function ServicesSection({ organisationId, canManage }: { organisationId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const services = useAllServices(organisationId);
  return (
    <section aria-labelledby="services-title">
      <h2 id="services-title">{t('admin.services.title')}</h2>
      {services.isPending ? (
        <Loading />
      ) : services.isError ? (
        <LoadError error={services.error} onRetry={() => void services.refetch()} />
      ) : services.data.length === 0 ? (
        <Empty>{t('admin.services.none')}</Empty>
      ) : (
        <div className="app-tree" data-testid="service-tree">
          <ServiceTree nodes={buildServiceTree(services.data)} />
        </div>
      )}
      {canManage ? <AddServiceForm organisationId={organisationId} services={services.data ?? []} /> : null}
    </section>
  );
}

// ----------------------------------------------------------------------------- members

function MembersSection({ organisationId, admin }: { organisationId: string; admin: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [removing, setRemoving] = useState<string | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  async function remove(membershipId: string) {
    setRemoving(membershipId);
    setProblem(null);
    try {
      await unwrap(
        api.DELETE('/api/v1/organisations/{organisation_id}/memberships/{membership_id}', {
          params: { path: { organisation_id: organisationId, membership_id: membershipId } },
        }),
      );
      await queryClient.invalidateQueries({ queryKey: ['organisations', organisationId, 'memberships'] });
      await queryClient.invalidateQueries({ queryKey: ['users'] });
    } catch (error) {
      setProblem(error);
    } finally {
      setRemoving(null);
    }
  }

  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">{t('admin.members.title')}</h2>
      {admin ? (
        <p>
          <Link to={`/admin/invitations?organisation=${organisationId}`}>{t('admin.members.invite')}</Link>
        </p>
      ) : null}
      {problem ? <LoadError error={problem} /> : null}
      <PaginatedTable
        queryKey={['organisations', organisationId, 'memberships']}
        fetchPage={(cursor) =>
          unwrap(
            api.GET('/api/v1/organisations/{organisation_id}/memberships', {
              params: { path: { organisation_id: organisationId }, query: { limit: 50, cursor: cursor ?? undefined } },
            }),
          )
        }
        caption={t('admin.members.title')}
        captionHidden
        empty={t('admin.members.none')}
        rowKey={(membership) => membership.id}
        columns={[
          {
            key: 'name',
            header: t('admin.users.name'),
            rowHeader: true,
            cell: (membership) => <Link to={`/admin/users/${membership.user_id}`}>{membership.user_display_name}</Link>,
          },
          { key: 'email', header: t('admin.users.email'), cell: (membership) => membership.user_email },
          { key: 'role', header: t('admin.members.role'), cell: (membership) => <RoleTag role={membership.role} /> },
          ...(admin
            ? [
                {
                  key: 'actions',
                  header: <span className="nhsuk-u-visually-hidden">{t('common.actions')}</span>,
                  cell: (membership: MembershipWithUser) => (
                    <ConfirmAction
                      small
                      label={t('admin.members.remove')}
                      hiddenContext={`${membership.user_display_name}, ${t(`roles.${membership.role}`)}`}
                      question={t('admin.members.removeQuestion', { name: membership.user_display_name })}
                      confirmLabel={t('admin.members.removeConfirm')}
                      busy={removing === membership.id}
                      onConfirm={() => remove(membership.id)}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}

// ----------------------------------------------------------------------------- page

export function OrganisationDetailPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const { organisationId = '' } = useParams();
  const location = useLocation();
  const created = Boolean((location.state as { created?: boolean } | null)?.created);
  const localName = useLocalName();
  const query = useOrganisation(organisationId);
  usePageTitle(query.data ? localName(query.data.data) : t('admin.organisations.title'));

  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        <BackLink to="/admin/organisations">{t('admin.organisations.back')}</BackLink>
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const { data: organisation, etag } = query.data;
  const admin = isOrgAdmin(user, organisation.id);
  const manage = canManageServices(user, organisation.id);
  return (
    <>
      <BackLink to="/admin/organisations">{t('admin.organisations.back')}</BackLink>
      {created ? <SuccessBanner title={t('admin.organisations.created')} /> : null}
      <span className="nhsuk-caption-l">{t(`kinds.organisation.${organisation.kind}`)}</span>
      <h1>{localName(organisation)}</h1>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('admin.organisations.name')}</dt>
          <dd className="nhsuk-summary-list__value">{organisation.name}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('admin.organisations.nameCy')}</dt>
          <dd className="nhsuk-summary-list__value">
            {organisation.name_cy ? <span lang="cy">{organisation.name_cy}</span> : t('common.notGiven')}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('admin.organisations.code')}</dt>
          <dd className="nhsuk-summary-list__value">
            {organisation.code ? `${organisation.code_scheme ?? ''} ${organisation.code}` : t('common.notGiven')}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('common.status')}</dt>
          <dd className="nhsuk-summary-list__value">
            {organisation.is_active ? <Tag colour="green">{t('common.active')}</Tag> : <Tag colour="grey">{t('common.inactive')}</Tag>}
          </dd>
        </div>
      </dl>
      <ServicesSection organisationId={organisation.id} canManage={manage} />
      {manage ? <MembersSection organisationId={organisation.id} admin={admin} /> : null}
      {admin ? <EditOrganisationForm organisation={organisation} etag={etag} /> : null}
    </>
  );
}
