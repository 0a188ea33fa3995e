import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { nameIn } from '../../i18n/localized';
import type { User } from '../../api/types';
import { ConfirmAction } from '../../components/actions';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Button, Select } from '../../components/fields';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatDate } from '../../components/format';
import { Empty, LoadError, Loading, SuccessBanner } from '../../components/status';
import { useFormErrors, type FieldError } from '../../components/useFormErrors';
import {
  useAppointLeadMutation,
  useOrganisationPeople,
  usePartnershipLeads,
  useRemoveLeadMutation,
} from '../../features/actions/api';
import { usePartnershipMembers } from '../../features/partnerships/api';
import { appointableOrganisations, mayRemoveLead, type PartnershipLead } from '../../features/actions/actionsModel';


/** Appoint a person of a member organisation as a lead of the partnership. */
function AppointLead({
  partnershipId,
  organisations,
  leads,
  onDone,
}: {
  partnershipId: string;
  organisations: { organisation_id: string; organisation_name: string; organisation_name_cy?: string | null }[];
  leads: PartnershipLead[];
  onDone: (name: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const [organisationId, setOrganisationId] = useState(organisations.length === 1 ? (organisations[0]?.organisation_id ?? '') : '');
  const [userId, setUserId] = useState('');
  const appoint = useAppointLeadMutation(partnershipId);
  const people = useOrganisationPeople(organisationId, organisationId !== '');
  const errors = useFormErrors('lead-add-', {
    organisation_id: t('improvement.leads.organisation'),
    user_id: t('improvement.leads.person'),
  });
  const already = new Set(leads.map((l) => l.user_id));
  const candidates = [...new Map((people.data?.items ?? []).filter((m) => !already.has(m.user_id)).map((m) => [m.user_id, m.user_display_name])).entries()];

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldError[] = [];
    if (!organisationId) problems.push({ name: 'organisation_id', message: t('improvement.leads.organisationMissing') });
    if (!userId) problems.push({ name: 'user_id', message: t('improvement.leads.personMissing') });
    if (problems.length > 0) {
      errors.setFieldErrors(problems);
      return;
    }
    errors.clear();
    appoint.mutate(
      { user_id: userId, organisation_id: organisationId },
      {
        onSuccess: (lead) => {
          setUserId('');
          onDone(lead.display_name);
        },
        onError: errors.setProblem,
      },
    );
  }

  return (
    <form noValidate onSubmit={submit} aria-labelledby="lead-add-title" data-testid="appoint-lead">
      <h3 id="lead-add-title">{t('improvement.leads.appointTitle')}</h3>
      <p className="nhsuk-body-s">{t('improvement.leads.appointHint')}</p>
      <ErrorSummary detail={errors.detail} items={errors.summaryItems} />
      <Select
        id={errors.idFor('organisation_id')}
        label={t('improvement.leads.organisation')}
        value={organisationId}
        onChange={(e) => {
          setOrganisationId(e.target.value);
          setUserId('');
        }}
        error={errors.fieldError('organisation_id')}
        options={[{ value: '', label: t('common.choose') }, ...organisations.map((o) => ({ value: o.organisation_id, label: nameIn(o.organisation_name, o.organisation_name_cy, i18n.language) }))]}
      />
      {people.isError ? <LoadError error={people.error} onRetry={() => void people.refetch()} /> : null}
      <Select
        id={errors.idFor('user_id')}
        label={t('improvement.leads.person')}
        hint={organisationId ? undefined : t('improvement.leads.personHint')}
        value={userId}
        disabled={organisationId === ''}
        onChange={(e) => setUserId(e.target.value)}
        error={errors.fieldError('user_id')}
        options={[{ value: '', label: t('common.choose') }, ...candidates.map(([id, name]) => ({ value: id, label: name }))]}
      />
      <Button type="submit" variant="secondary" busy={appoint.isPending}>
        {t('improvement.leads.appoint')}
      </Button>
    </form>
  );
}

/**
 * The people who lead a partnership across its organisations, with appointing and
 * removing (or stepping down) for those the API lets do it.
 */
export function PartnershipLeads({ partnershipId, user }: { partnershipId: string; user: User }) {
  const { t, i18n } = useTranslation();
  const leads = usePartnershipLeads(partnershipId);
  const removeLead = useRemoveLeadMutation(partnershipId);
  const members = usePartnershipMembers(partnershipId);
  const [removeProblem, setRemoveProblem] = useState<unknown>(null);
  const [message, setMessage] = useState<string | null>(null);

  const removing = removeLead.isPending ? removeLead.variables : null;

  function remove(lead: PartnershipLead) {
    setRemoveProblem(null);
    setMessage(null);
    return removeLead.mutateAsync(lead.user_id).then(
      () => setMessage(lead.user_id === user.id ? t('improvement.leads.steppedDown') : t('improvement.leads.removed', { name: lead.display_name })),
      (error: unknown) => setRemoveProblem(error),
    );
  }

  const list = leads.data ?? [];
  const appointable = appointableOrganisations(user, members.data ?? [], list);
  return (
    <section aria-labelledby="leads-title" data-testid="partnership-leads">
      <h2 id="leads-title">{t('improvement.leads.title')}</h2>
      <p>{t('improvement.leads.lede')}</p>
      {message ? <SuccessBanner title={message} /> : null}
      {removeProblem ? <LoadError error={removeProblem} /> : null}
      {leads.isPending ? (
        <Loading />
      ) : leads.isError ? (
        <LoadError error={leads.error} onRetry={() => void leads.refetch()} />
      ) : list.length === 0 ? (
        <Empty>{t('improvement.leads.none')}</Empty>
      ) : (
        <ScrollRegion label={t('improvement.leads.title')}>
          <table className="nhsuk-table" data-testid="leads-table">
            <caption className="nhsuk-u-visually-hidden">{t('improvement.leads.title')}</caption>
            <thead className="nhsuk-table__head">
              <tr className="nhsuk-table__row">
                <th scope="col" className="nhsuk-table__header">{t('improvement.leads.person')}</th>
                <th scope="col" className="nhsuk-table__header">{t('improvement.leads.organisation')}</th>
                <th scope="col" className="nhsuk-table__header">{t('improvement.leads.since')}</th>
                <th scope="col" className="nhsuk-table__header">
                  <span className="nhsuk-u-visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody className="nhsuk-table__body">
              {list.map((lead) => {
                const self = lead.user_id === user.id;
                return (
                  <tr className="nhsuk-table__row" key={lead.id} data-testid="lead">
                    <th scope="row" className="nhsuk-table__header">
                      {lead.display_name}
                      {self ? ` (${t('improvement.parts.ownerYou')})` : ''}
                    </th>
                    <td className="nhsuk-table__cell">{nameIn(lead.organisation_name, lead.organisation_name_cy, i18n.language)}</td>
                    <td className="nhsuk-table__cell">{formatDate(lead.appointed_at)}</td>
                    <td className="nhsuk-table__cell">
                      {mayRemoveLead(user, lead, list) ? (
                        <ConfirmAction
                          small
                          label={self ? t('improvement.leads.stepDown') : t('improvement.leads.remove')}
                          hiddenContext={self ? undefined : lead.display_name}
                          question={self ? t('improvement.leads.stepDownQuestion') : t('improvement.leads.removeQuestion', { name: lead.display_name })}
                          confirmLabel={self ? t('improvement.leads.stepDownConfirm') : t('improvement.leads.removeConfirm')}
                          busy={removing === lead.user_id}
                          onConfirm={() => remove(lead)}
                        />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {leads.data && appointable.length > 0 ? (
        <AppointLead
          partnershipId={partnershipId}
          organisations={appointable}
          leads={list}
          onDone={(name) => setMessage(t('improvement.leads.appointed', { name }))}
        />
      ) : null}
    </section>
  );
}
