import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useOrganisationsById } from '../../features/organisations/api';
import type { Organisation, User } from '../../api/types';
import { Button, Checkbox, Select } from '../../components/fields';
import { formatDate } from '../../components/format';
import { Empty, LoadError, Loading } from '../../components/status';
import { usePageTitle } from '../../components/usePageTitle';
import { OriginText, OverdueFlag, Progress, StatusTag } from './ActionBits';
import { useActions, useStandards } from '../../features/actions/api';
import { usePartnershipMembers, usePartnershipOptions } from '../../features/partnerships/api';
import {
  ORIGINS,
  STATUSES,
  filtersFromSearch,
  groupByStatus,
  leadOf,
  proposeLink,
  searchFromFilters,
  viewFromSearch,
  type Action,
  type BoardFilters,
  type BoardView,
} from '../../features/actions/actionsModel';
import './actions.css';
import { LocalText } from '../../components/LocalText';
import { localized, localizedName, nameIn, useLocalName } from '../../i18n/localized';

function Filters({
  filters,
  view,
  onApply,
}: {
  filters: BoardFilters;
  view: BoardView;
  onApply: (next: BoardFilters) => void;
}) {
  const { t, i18n } = useTranslation();
  const partnerships = usePartnershipOptions();
  const [partnershipId, setPartnershipId] = useState(filters.partnership_id ?? '');
  const [organisationId, setOrganisationId] = useState(filters.organisation_id ?? '');
  const [standardId, setStandardId] = useState(filters.standard_id ?? '');
  const [origin, setOrigin] = useState<string>(filters.origin ?? '');
  const [overdue, setOverdue] = useState(Boolean(filters.overdue));
  const onePartnership = partnerships.data?.items.length === 1 ? (partnerships.data.items[0]?.id ?? '') : '';
  const members = usePartnershipMembers(partnershipId || onePartnership);
  const standards = useStandards();

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: BoardFilters = { ...(filters.status ? { status: filters.status } : {}) };
    if (partnershipId) next.partnership_id = partnershipId;
    if (organisationId) next.organisation_id = organisationId;
    if (standardId) next.standard_id = standardId;
    if (origin) next.origin = origin as BoardFilters['origin'];
    if (overdue) next.overdue = true;
    onApply(next);
  }

  return (
    <form noValidate onSubmit={submit} aria-label={t('common.filters')} data-view={view}>
      <div className="app-filters">
        {(partnerships.data?.items.length ?? 0) > 1 ? (
          <Select
            id="filter-partnership"
            label={t('improvement.board.partnership')}
            value={partnershipId}
            onChange={(e) => {
              setPartnershipId(e.target.value);
              setOrganisationId('');
            }}
            options={[
              { value: '', label: t('common.any') },
              ...(partnerships.data?.items ?? []).map((p) => ({
                value: p.id,
                label: localizedName(p, i18n.language),
              })),
            ]}
          />
        ) : null}
        <Select
          id="filter-organisation"
          label={t('improvement.board.organisation')}
          value={organisationId}
          onChange={(e) => setOrganisationId(e.target.value)}
          options={[
            { value: '', label: t('common.any') },
            ...(members.data ?? []).map((m) => ({ value: m.organisation_id, label: nameIn(m.organisation_name, m.organisation_name_cy, i18n.language) })),
          ]}
        />
        <Select
          id="filter-standard"
          label={t('improvement.board.standard')}
          value={standardId}
          onChange={(e) => setStandardId(e.target.value)}
          options={[
            { value: '', label: t('common.any') },
            ...(standards.data ?? []).map((s) => ({ value: s.id, label: `${s.code}: ${localized(s.title, i18n.language)}` })),
          ]}
        />
        <Select
          id="filter-origin"
          label={t('improvement.board.origin')}
          value={origin}
          onChange={(e) => setOrigin(e.target.value)}
          options={[
            { value: '', label: t('common.any') },
            ...ORIGINS.map((o) => ({ value: o, label: t(`improvement.origin.${o}`) })),
          ]}
        />
      </div>
      <Checkbox id="filter-overdue" label={t('improvement.board.overdueOnly')} checked={overdue} onChange={setOverdue} />
      <Button type="submit" variant="secondary" small>
        {t('common.applyFilters')}
      </Button>
    </form>
  );
}

function ActionSummary({ action }: { action: Action }) {
  const { t, i18n } = useTranslation();
  const lead = leadOf(action);
  return (
    <>
      <p>
        <Link to={`/actions/${action.id}`}>
          <LocalText text={action.title} />
        </Link>
      </p>
      <p className="nhsuk-body-s">
        <OriginText origin={action.origin} />
        {lead ? ` · ${t('improvement.board.ledBy', { organisation: nameIn(lead.organisation_name, lead.organisation_name_cy, i18n.language) })}` : ` · ${t('improvement.board.noLead')}`}
      </p>
      {action.due_date ? <p className="nhsuk-body-s">{t('improvement.dueOn', { date: formatDate(action.due_date) })}</p> : null}
      {action.overdue ? <OverdueFlag dueDate={action.due_date} /> : null}
      {action.status === 'in_progress' || action.status === 'agreed' || action.progress > 0 ? (
        <Progress percent={action.progress} label={t('improvement.progressOf', { title: localized(action.title, i18n.language) })} />
      ) : null}
      {action.support_count > 0 ? (
        <p className="nhsuk-body-s">{t('improvement.supportersCount', { count: action.support_count })}</p>
      ) : null}
    </>
  );
}

function ListView({ actions }: { actions: Action[] }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="app-table-scroll">
      <table className="nhsuk-table" data-testid="actions-table">
        <caption className="nhsuk-u-visually-hidden">{t('improvement.board.caption')}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">{t('improvement.board.action')}</th>
            <th scope="col" className="nhsuk-table__header">{t('common.status')}</th>
            <th scope="col" className="nhsuk-table__header">{t('improvement.board.lead')}</th>
            <th scope="col" className="nhsuk-table__header">{t('improvement.board.due')}</th>
            <th scope="col" className="nhsuk-table__header">{t('improvement.progress')}</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {actions.map((action) => {
            const lead = leadOf(action);
            return (
              <tr className="nhsuk-table__row" key={action.id}>
                <th scope="row" className="nhsuk-table__header">
                  <Link to={`/actions/${action.id}`}>
                    <LocalText text={action.title} />
                  </Link>
                  <span className="nhsuk-body-s nhsuk-u-display-block nhsuk-u-font-weight-normal">
                    <OriginText origin={action.origin} />
                  </span>
                </th>
                <td className="nhsuk-table__cell">
                  <StatusTag status={action.status} />
                </td>
                <td className="nhsuk-table__cell">{lead ? nameIn(lead.organisation_name, lead.organisation_name_cy, i18n.language) : t('improvement.board.noLead')}</td>
                <td className="nhsuk-table__cell">
                  {action.due_date ? formatDate(action.due_date) : t('improvement.noDueDate')}
                  {action.overdue ? (
                    <span className="nhsuk-u-display-block">
                      <OverdueFlag dueDate={null} />
                    </span>
                  ) : null}
                </td>
                <td className="nhsuk-table__cell">{t('improvement.percent', { n: action.progress })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ColumnsView({ actions }: { actions: Action[] }) {
  const { t } = useTranslation();
  const columns = groupByStatus(actions);
  return (
    <div className="app-board" data-testid="actions-board">
      {STATUSES.map((status) => (
        <section className="app-board__column" key={status} aria-labelledby={`column-${status}`} data-status={status}>
          <h2 id={`column-${status}`}>
            {t(`improvement.status.${status}`)}{' '}
            <span className="nhsuk-body-s">({columns[status].length})</span>
          </h2>
          {columns[status].length === 0 ? (
            <p className="nhsuk-body-s">{t('improvement.board.columnEmpty')}</p>
          ) : (
            <ul>
              {columns[status].map((action) => (
                <li className="app-board__card" key={action.id}>
                  <ActionSummary action={action} />
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}

/** Every action of the person's partnerships, as a list or in columns by status. */
export function ActionsBoardPage({ user }: { user: User }) {
  const { t } = useTranslation();
  usePageTitle(t('improvement.board.title'));
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const view = viewFromSearch(search);
  const actions = useActions(filters);
  const partnerships = usePartnershipOptions();
  const onlyPartnership = filters.partnership_id ?? (partnerships.data?.items.length === 1 ? partnerships.data.items[0]?.id : undefined);
  const items = actions.data?.items ?? [];
  const ownOrganisations = [...new Set((user.memberships ?? []).map((m) => m.organisation_id))];
  const organisations = useOrganisationsById(ownOrganisations);
  const localName = useLocalName();

  return (
    <>
      <h1>{t('improvement.board.title')}</h1>
      <p className="nhsuk-lede-text">{t('improvement.board.lede')}</p>
      <div className="app-actions">
        <Link className="nhsuk-button" to={proposeLink(null, filters.partnership_id)} data-testid="propose-link">
          {t('improvement.proposeButton')}
        </Link>
      </div>
      {onlyPartnership ? (
        <ul className="nhsuk-list nhsuk-list--bullet">
          <li>
            <Link to={`/partnerships/${onlyPartnership}/actions/accountability`}>{t('improvement.accountability.partnershipLink')}</Link>
          </li>
          <li>
            <Link to={`/public/partnerships/${onlyPartnership}`}>{t('improvement.public.link')}</Link>
          </li>
          {ownOrganisations.map((organisationId) => (
            <li key={organisationId}>
              <Link to={`/organisations/${organisationId}/actions/accountability`}>
                {t('improvement.accountability.organisationLinkNamed', {
                  organisation: organisations.get(organisationId) ? localName(organisations.get(organisationId) as Organisation) : '…',
                })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}

      <details className="nhsuk-details" open={Object.keys(filters).length > 0}>
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">{t('common.filters')}</span>
        </summary>
        <div className="nhsuk-details__text">
          <Filters
            key={search.toString()}
            filters={filters}
            view={view}
            onApply={(next) => setSearch(searchFromFilters(next, view), { replace: true })}
          />
        </div>
      </details>

      <nav aria-label={t('improvement.board.viewLabel')} className="nhsuk-u-margin-bottom-4">
        <ul className="nhsuk-list app-actions">
          <li>
            {view === 'list' ? (
              <strong aria-current="page">{t('improvement.board.listView')}</strong>
            ) : (
              <Link to={`/actions?${searchFromFilters(filters, 'list').toString()}`}>{t('improvement.board.listView')}</Link>
            )}
          </li>
          <li>
            {view === 'columns' ? (
              <strong aria-current="page">{t('improvement.board.columnsView')}</strong>
            ) : (
              <Link to={`/actions?${searchFromFilters(filters, 'columns').toString()}`}>{t('improvement.board.columnsView')}</Link>
            )}
          </li>
        </ul>
      </nav>

      {actions.isError && !actions.data ? (
        <LoadError error={actions.error} onRetry={() => void actions.refetch()} />
      ) : !actions.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <Empty>{Object.keys(filters).length > 0 ? t('improvement.board.noneMatch') : t('improvement.board.none')}</Empty>
      ) : (
        <>
          <p className="nhsuk-body-s" role="status">
            {actions.data.next_cursor
              ? t('improvement.board.showingFirst', { count: items.length })
              : t('improvement.board.showing', { count: items.length })}
          </p>
          {view === 'columns' ? <ColumnsView actions={items} /> : <ListView actions={items} />}
        </>
      )}
    </>
  );
}
