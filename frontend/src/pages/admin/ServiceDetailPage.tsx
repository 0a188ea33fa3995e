import { useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SERVICE_KINDS } from '../../api/enums';
import { useLocalName } from '../../i18n/localized';
import {
  useAllServices,
  useEditableService,
  useOrganisation,
  useUpdateServiceMutation,
} from '../../features/organisations/api';
import type { Service, ServiceKind, User } from '../../api/types';
import { BackLink } from '../../components/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Checkbox, Select, TextInput } from '../../components/fields';
import { LoadError, Loading, SuccessBanner, Tag } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { useFormErrors } from '../../components/useFormErrors';
import { possibleParents } from './organisation/serviceTree';
import { canManageServices } from './permissions';

function EditServiceForm({ service, etag, siblings }: { service: Service; etag: string | null; siblings: Service[] }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const update = useUpdateServiceMutation(service, etag);
  const [name, setName] = useState(service.name);
  const [nameCy, setNameCy] = useState(service.name_cy ?? '');
  const [kind, setKind] = useState<ServiceKind>(service.kind);
  const [code, setCode] = useState(service.code ?? '');
  const [parentId, setParentId] = useState(service.parent_id ?? '');
  const [active, setActive] = useState(service.is_active);
  const [saved, setSaved] = useState(false);
  const form = useFormErrors('service-edit-', {
    name: t('admin.services.name'),
    name_cy: t('admin.services.nameCy'),
    kind: t('admin.services.kind'),
    code: t('admin.services.code'),
    parent_id: t('admin.services.parent'),
    is_active: t('admin.services.active'),
  });

  useEffect(() => {
    setName(service.name);
    setNameCy(service.name_cy ?? '');
    setKind(service.kind);
    setCode(service.code ?? '');
    setParentId(service.parent_id ?? '');
    setActive(service.is_active);
  }, [service]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (name.trim() === '') {
      form.setFieldErrors([{ name: 'name', message: t('admin.services.nameMissing') }]);
      return;
    }
    form.clear();
    update.mutate(
      {
        name: name.trim(),
        name_cy: nameCy.trim() || null,
        kind,
        code: code.trim() || null,
        parent_id: parentId || null,
        is_active: active,
      },
      { onSuccess: () => setSaved(true), onError: form.setProblem },
    );
  }

  const parents = possibleParents(service, siblings);

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="service-edit-title">
      <h2 id="service-edit-title">{t('admin.services.editTitle')}</h2>
      {saved ? <SuccessBanner title={t('common.saved')} /> : null}
      <ErrorSummary detail={form.detail} items={form.summaryItems} />
      <TextInput id={form.idFor('name')} label={t('admin.services.name')} value={name} onChange={(e) => setName(e.target.value)} error={form.fieldError('name')} />
      <TextInput
        id={form.idFor('name_cy')}
        label={t('admin.services.nameCy')}
        hint={t('common.optional')}
        lang="cy"
        value={nameCy}
        onChange={(e) => setNameCy(e.target.value)}
        error={form.fieldError('name_cy')}
      />
      <Select
        id={form.idFor('kind')}
        label={t('admin.services.kind')}
        value={kind}
        onChange={(e) => setKind(e.target.value as ServiceKind)}
        error={form.fieldError('kind')}
        options={SERVICE_KINDS.map((value) => ({ value, label: t(`kinds.service.${value}`) }))}
      />
      <TextInput
        id={form.idFor('code')}
        label={t('admin.services.code')}
        hint={t('admin.services.codeHint')}
        widthClass="nhsuk-input--width-10"
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={form.fieldError('code')}
      />
      <Select
        id={form.idFor('parent_id')}
        label={t('admin.services.parent')}
        hint={t('admin.services.parentHint')}
        value={parentId}
        onChange={(e) => setParentId(e.target.value)}
        error={form.fieldError('parent_id')}
        options={[
          { value: '', label: t('admin.services.noParent') },
          ...parents.map((other) => ({ value: other.id, label: localName(other) })),
        ]}
      />
      <Checkbox id={form.idFor('is_active')} label={t('admin.services.active')} checked={active} onChange={setActive} />
      <Button busy={update.isPending}>{t('common.saveChanges')}</Button>
    </form>
  );
}

export function ServiceDetailPage({ user }: { user: User }) {
  const { t } = useTranslation();
  const { serviceId = '' } = useParams();
  const localName = useLocalName();
  const query = useEditableService(serviceId);
  const organisationId = query.data?.data.organisation_id;
  const organisation = useOrganisation(organisationId);
  const siblings = useAllServices(organisationId ?? '');
  usePageTitle(query.data ? localName(query.data.data) : t('admin.services.title'));

  if (query.isPending) return <Loading />;
  if (query.isError) {
    return (
      <>
        <BackLink to="/admin/organisations">{t('admin.organisations.back')}</BackLink>
        <LoadError error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const { data: service, etag } = query.data;
  const parent = siblings.data?.find((other) => other.id === service.parent_id);
  const canManage = canManageServices(user, service.organisation_id);
  return (
    <>
      <BackLink to={`/admin/organisations/${service.organisation_id}`}>
        {organisation.data ? t('admin.services.backTo', { name: localName(organisation.data.data) }) : t('common.back')}
      </BackLink>
      <span className="nhsuk-caption-l">{t(`kinds.service.${service.kind}`)}</span>
      <h1>{localName(service)}</h1>
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('admin.services.organisation')}</dt>
          <dd className="nhsuk-summary-list__value">
            <Link to={`/admin/organisations/${service.organisation_id}`}>
              {organisation.data ? localName(organisation.data.data) : t('common.loading')}
            </Link>
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('admin.services.parent')}</dt>
          <dd className="nhsuk-summary-list__value">
            {parent ? <Link to={`/admin/services/${parent.id}`}>{localName(parent)}</Link> : t('admin.services.noParent')}
          </dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('admin.services.code')}</dt>
          <dd className="nhsuk-summary-list__value">{service.code ?? t('common.notGiven')}</dd>
        </div>
        <div className="nhsuk-summary-list__row">
          <dt className="nhsuk-summary-list__key">{t('common.status')}</dt>
          <dd className="nhsuk-summary-list__value">
            {service.is_active ? <Tag colour="green">{t('common.active')}</Tag> : <Tag colour="grey">{t('common.inactive')}</Tag>}
          </dd>
        </div>
      </dl>
      {canManage ? <EditServiceForm service={service} etag={etag} siblings={siblings.data ?? []} /> : null}
    </>
  );
}
