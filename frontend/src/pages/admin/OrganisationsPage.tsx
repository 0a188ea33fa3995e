import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS } from '../../api/enums';
import { useLocalName } from '../../i18n/localized';
import type { Organisation, OrganisationKind, User } from '../../api/types';
import { BackLink } from '../../components/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Select, TextInput } from '../../components/fields';
import { PaginatedTable } from '../../components/PaginatedTable';
import { Tag } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { useFormErrors, type FieldError } from '../../components/useFormErrors';
import { organisationsList, useCreateOrganisationMutation } from '../../features/admin/api';

function CreateOrganisationForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOrganisationMutation();
  const [name, setName] = useState('');
  const [nameCy, setNameCy] = useState('');
  const [kind, setKind] = useState<OrganisationKind | ''>('');
  const [codeScheme, setCodeScheme] = useState('');
  const [code, setCode] = useState('');
  const form = useFormErrors('org-new-', {
    name: t('admin.organisations.name'),
    name_cy: t('admin.organisations.nameCy'),
    kind: t('admin.organisations.kind'),
    code_scheme: t('admin.organisations.codeScheme'),
    code: t('admin.organisations.code'),
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (name.trim() === '') problems.push({ name: 'name', message: t('admin.organisations.nameMissing') });
    if (kind === '') problems.push({ name: 'kind', message: t('admin.organisations.kindMissing') });
    if ((code.trim() === '') !== (codeScheme.trim() === '')) {
      problems.push({ name: code.trim() === '' ? 'code' : 'code_scheme', message: t('admin.organisations.codeTogether') });
    }
    if (problems.length > 0 || kind === '') {
      form.setFieldErrors(problems);
      return;
    }
    form.clear();
    create.mutate(
      { name: name.trim(), name_cy: nameCy.trim() || null, kind, code_scheme: codeScheme.trim() || null, code: code.trim() || null },
      {
        onSuccess: (created) => void navigate(`/admin/organisations/${created.id}`, { state: { created: true } }),
        onError: form.setProblem,
      },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="org-new-title">
      <h2 id="org-new-title">{t('admin.organisations.addTitle')}</h2>
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
        onChange={(event) => setKind(event.target.value as OrganisationKind | '')}
        error={form.fieldError('kind')}
        options={[
          { value: '', label: t('common.choose') },
          ...ORGANISATION_KINDS.map((value) => ({ value, label: t(`kinds.organisation.${value}`) })),
        ]}
      />
      <TextInput
        id={form.idFor('code_scheme')}
        label={t('admin.organisations.codeScheme')}
        hint={t('admin.organisations.codeSchemeHint')}
        widthClass="nhsuk-input--width-10"
        value={codeScheme}
        onChange={(event) => setCodeScheme(event.target.value)}
        error={form.fieldError('code_scheme')}
      />
      <TextInput
        id={form.idFor('code')}
        label={t('admin.organisations.code')}
        hint={t('common.optional')}
        widthClass="nhsuk-input--width-10"
        value={code}
        onChange={(event) => setCode(event.target.value)}
        error={form.fieldError('code')}
      />
      <Button busy={create.isPending || create.isSuccess}>{t('admin.organisations.add')}</Button>
    </form>
  );
}

export function OrganisationsPage({ user }: { user: User }) {
  const { t } = useTranslation();
  usePageTitle(t('admin.organisations.title'));
  const localName = useLocalName();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = (params.get('kind') ?? '') as OrganisationKind | '';
  const [draftQ, setDraftQ] = useState(q);
  const [draftKind, setDraftKind] = useState<OrganisationKind | ''>(kind);

  return (
    <>
      <BackLink to="/admin">{t('admin.backToAdmin')}</BackLink>
      <h1>{t('admin.organisations.title')}</h1>
      <p>{t('admin.organisations.intro')}</p>
      <form
        className="app-filters"
        role="search"
        aria-label={t('common.filters')}
        onSubmit={(event) => {
          event.preventDefault();
          const next = new URLSearchParams();
          if (draftQ.trim()) next.set('q', draftQ.trim());
          if (draftKind) next.set('kind', draftKind);
          setParams(next);
        }}
      >
        <TextInput id="org-filter-q" label={t('admin.organisations.search')} value={draftQ} onChange={(e) => setDraftQ(e.target.value)} />
        <Select
          id="org-filter-kind"
          label={t('admin.organisations.kind')}
          value={draftKind}
          onChange={(event) => setDraftKind(event.target.value as OrganisationKind | '')}
          options={[
            { value: '', label: t('common.any') },
            ...ORGANISATION_KINDS.map((value) => ({ value, label: t(`kinds.organisation.${value}`) })),
          ]}
        />
        <div className="nhsuk-form-group">
          <Button variant="secondary">{t('common.applyFilters')}</Button>
        </div>
      </form>
      <PaginatedTable<Organisation>
        {...organisationsList({ q: q || undefined, kind: kind || undefined })}
        caption={t('admin.organisations.title')}
        captionHidden
        empty={q || kind ? t('admin.organisations.noneMatch') : t('admin.organisations.none')}
        rowKey={(org) => org.id}
        columns={[
          {
            key: 'name',
            header: t('admin.organisations.name'),
            rowHeader: true,
            cell: (org) => <Link to={`/admin/organisations/${org.id}`}>{localName(org)}</Link>,
          },
          { key: 'kind', header: t('admin.organisations.kind'), cell: (org) => t(`kinds.organisation.${org.kind}`) },
          { key: 'code', header: t('admin.organisations.code'), cell: (org) => (org.code ? `${org.code_scheme ?? ''} ${org.code}` : '') },
          {
            key: 'status',
            header: t('common.status'),
            cell: (org) =>
              org.is_active ? <Tag colour="green">{t('common.active')}</Tag> : <Tag colour="grey">{t('common.inactive')}</Tag>,
          },
        ]}
      />
      {user.is_platform_admin ? <CreateOrganisationForm /> : <p>{t('admin.organisations.onlyPlatformAdmins')}</p>}
    </>
  );
}
