import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS } from '../../../api/enums';
import type { Organisation, OrganisationKind } from '../../../api/types';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Button, Checkbox, Select, TextInput } from '../../../components/fields';
import { SuccessBanner } from '../../../components/status';
import { useFormErrors } from '../../../components/useFormErrors';
import { useUpdateOrganisationMutation } from '../../../features/organisations/api';

/** Edit an organisation's names, kind and whether it is active (sent with If-Match). */
export function EditOrganisationForm({ organisation, etag }: { organisation: Organisation; etag: string | null }) {
  const { t } = useTranslation();
  const update = useUpdateOrganisationMutation(organisation, etag);
  const [name, setName] = useState(organisation.name);
  const [nameCy, setNameCy] = useState(organisation.name_cy ?? '');
  const [kind, setKind] = useState<OrganisationKind>(organisation.kind);
  const [active, setActive] = useState(organisation.is_active);
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

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    if (name.trim() === '') {
      form.setFieldErrors([{ name: 'name', message: t('admin.organisations.nameMissing') }]);
      return;
    }
    form.clear();
    update.mutate(
      { name: name.trim(), name_cy: nameCy.trim() || null, kind, is_active: active },
      { onSuccess: () => setSaved(true), onError: form.setProblem },
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="org-edit-title">
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
      <Button busy={update.isPending}>{t('common.saveChanges')}</Button>
    </form>
  );
}
