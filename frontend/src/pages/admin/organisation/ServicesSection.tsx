import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SERVICE_KINDS } from '../../../api/enums';
import type { Service, ServiceKind } from '../../../api/types';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, Select, TextInput } from '../../../components/fields';
import { Empty, LoadError, Loading, SuccessBanner, Tag } from '../../../components/status';
import { useFormErrors, type FieldError } from '../../../components/useFormErrors';
import { useAddServiceMutation, useAllServices } from '../../../features/organisations/api';
import { useLocalName } from '../../../i18n/localized';
import { buildServiceTree, type TreeNode } from './serviceTree';

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

function AddServiceForm({ organisationId, services }: { organisationId: string; services: Service[] }) {
  const { t } = useTranslation();
  const localName = useLocalName();
  const addService = useAddServiceMutation(organisationId);
  const [name, setName] = useState('');
  const [nameCy, setNameCy] = useState('');
  const [kind, setKind] = useState<ServiceKind | ''>('');
  const [code, setCode] = useState('');
  const [parentId, setParentId] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const form = useFormErrors('service-new-', {
    name: t('admin.services.name'),
    name_cy: t('admin.services.nameCy'),
    kind: t('admin.services.kind'),
    code: t('admin.services.code'),
    parent_id: t('admin.services.parent'),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    const problems: FieldError[] = [];
    if (name.trim() === '') problems.push({ name: 'name', message: t('admin.services.nameMissing') });
    if (kind === '') problems.push({ name: 'kind', message: t('admin.services.kindMissing') });
    if (problems.length > 0 || kind === '') {
      form.setFieldErrors(problems);
      return;
    }
    form.clear();
    addService.mutate(
      { name: name.trim(), name_cy: nameCy.trim() || null, kind, code: code.trim() || null, parent_id: parentId || null },
      {
        onSuccess: (created) => {
          setAdded(localName(created));
          setName('');
          setNameCy('');
          setKind('');
          setCode('');
          setParentId('');
        },
        onError: form.setProblem,
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="service-new-title">
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
      <Button busy={addService.isPending}>{t('admin.services.add')}</Button>
    </form>
  );
}

/** An organisation's services as a tree, and (for its managers) a form to add one. */
export function ServicesSection({ organisationId, canManage }: { organisationId: string; canManage: boolean }) {
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
