import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatWithUnit } from '../../components/charts/scale';
import { formatDate, formatDateTime } from '../../components/format';
import { LoadError, Loading, Tag } from '../../components/status';
import { isRole } from '../../components/tags';
import {
  useAgenda,
  type OverdueAction,
  type Place,
  type ResponsibilityToAccept,
  type ReviewAsked,
  type SignalOnIndicator,
  type SuggestionToAnswer,
} from '../../features/home/api';
import { safeAppLink } from '../../features/notifications/api';
import { localized, nameIn, shownIn, type Bilingual } from '../../i18n/localized';

function placeName(place: Place, language: string): string {
  const org = nameIn(place.organisation_name, place.organisation_name_cy, language);
  const service = place.service_name ? nameIn(place.service_name, place.service_name_cy, language) : '';
  return service ? `${service}, ${org}` : org;
}

/** A title in the page's language, marked with its own language when only the other is written. */
function Title({ text }: { text: Bilingual }) {
  const { i18n } = useTranslation();
  const shown = shownIn(text, i18n.language);
  if (!shown) return null;
  return shown.otherLanguage ? <span lang={shown.lang}>{shown.text}</span> : <>{shown.text}</>;
}

/** One kind of thing that needs the person: a heading that counts them, the first few, and a way to the rest. */
function Section({
  id,
  heading,
  total,
  shown,
  more,
  children,
}: {
  id: string;
  heading: string;
  total: number;
  shown: number;
  more: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (total === 0) return null;
  return (
    <section aria-labelledby={`agenda-${id}`} data-testid={`agenda-${id}`} className="nhsuk-u-margin-bottom-5">
      <h3 id={`agenda-${id}`}>{heading}</h3>
      <ul className="nhsuk-list nhsuk-list--border">{children}</ul>
      {total > shown ? (
        <p>
          <Link to={more}>{t('agenda.more', { count: total - shown })}</Link>
        </p>
      ) : null}
    </section>
  );
}

function Item({ to, title, children }: { to: string; title: ReactNode; children?: ReactNode }) {
  return (
    <li data-testid="agenda-item">
      <Link to={safeAppLink(to) ?? '/'} className="nhsuk-u-font-weight-bold">
        {title}
      </Link>
      {children}
    </li>
  );
}

function Meta({ children }: { children: ReactNode }) {
  return <p className="nhsuk-body-s nhsuk-u-margin-bottom-0 nhsuk-u-secondary-text-color">{children}</p>;
}

function ReviewItem({ item }: { item: ReviewAsked }) {
  const { t, i18n } = useTranslation();
  return (
    <Item to={item.link} title={<Title text={item.title} />}>
      <Meta>
        {item.requested_at
          ? t('agenda.reviews.meta', { date: formatDate(item.requested_at), organisation: placeName(item.owner, i18n.language) })
          : t('agenda.reviews.metaNoDate', { organisation: placeName(item.owner, i18n.language) })}
      </Meta>
    </Item>
  );
}

function SuggestionItem({ item }: { item: SuggestionToAnswer }) {
  const { t } = useTranslation();
  const role = isRole(item.author_role) ? t(`roles.${item.author_role}`) : item.author_role;
  return (
    <Item to={item.link} title={<Title text={item.title} />}>
      <p className="nhsuk-u-margin-bottom-1 app-pre-line" lang={item.language ?? undefined}>
        {t('agenda.suggestions.quote', { body: item.body })}
      </p>
      <Meta>
        {t(`agenda.suggestions.kind.${item.kind}`)} · {role} · {formatDate(item.created_at)}
      </Meta>
    </Item>
  );
}

function ResponsibilityItem({ item }: { item: ResponsibilityToAccept }) {
  const { t, i18n } = useTranslation();
  const organisation = placeName(item.organisation, i18n.language);
  return (
    <Item to={item.link} title={<Title text={item.title} />}>
      <Meta>
        {t(`agenda.responsibilities.${item.role}`, { organisation })}
        {item.due_date ? ` · ${t('agenda.due', { date: formatDate(item.due_date) })}` : ''}
      </Meta>
    </Item>
  );
}

const NATURE_COLOUR = { improvement: 'green', concern: 'red', neutral: 'grey' } as const;

function SignalItem({ item }: { item: SignalOnIndicator }) {
  const { t, i18n } = useTranslation();
  const name = localized(item.title, i18n.language);
  return (
    <Item to={item.link} title={`${name}: ${placeName(item.place, i18n.language)}`}>
      <p className="nhsuk-u-margin-bottom-1">
        <Tag colour={NATURE_COLOUR[item.nature]}>{t(`indicators.marker.${item.nature}`)}</Tag>
      </p>
      <Meta>
        {t('agenda.signals.meta', {
          value: formatWithUnit(item.value, item.unit, i18n.language),
          date: formatDate(item.period_end),
          rule: t(`indicators.rule.${item.rule}`),
        })}
      </Meta>
    </Item>
  );
}

function OverdueItem({ item }: { item: OverdueAction }) {
  const { t } = useTranslation();
  return (
    <Item to={item.link} title={<Title text={item.title} />}>
      <p className="nhsuk-u-margin-bottom-1">
        <Tag colour="red">{t('agenda.overdue.days', { count: item.days_overdue })}</Tag>
      </p>
      <Meta>
        {t('agenda.due', { date: formatDate(item.due_date) })}
        {item.role ? ` · ${t(`agenda.overdue.${item.role}`)}` : ''}
      </Meta>
    </Item>
  );
}

/** "What needs you": the person's own agenda, each item a link to where they act, and "What changed". */
export function Agenda({ invitations }: { invitations?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const agenda = useAgenda();
  if (agenda.isPending) {
    return (
      <>
        <h2>{t('agenda.title')}</h2>
        <Loading label={t('agenda.loading')} />
      </>
    );
  }
  if (agenda.isError) {
    return (
      <>
        <h2>{t('agenda.title')}</h2>
        <LoadError error={agenda.error} onRetry={() => void agenda.refetch()} />
      </>
    );
  }
  const a = agenda.data;
  const nothing =
    a.reviews.total + a.suggestions.total + a.responsibilities.total + a.signals.total + a.overdue.total === 0;
  return (
    <>
      <div data-testid="agenda">
        <h2>{t('agenda.title')}</h2>
        {nothing ? (
          <div className="nhsuk-inset-text" data-testid="agenda-empty">
            <span className="nhsuk-u-visually-hidden">{t('common.information')}</span> <p>{t('agenda.nothing')}</p>
          </div>
        ) : null}
        <Section id="reviews" heading={t('agenda.reviews.heading', { count: a.reviews.total })} total={a.reviews.total} shown={a.reviews.items.length} more="/instruments">
          {a.reviews.items.map((item) => (
            <ReviewItem key={item.version_id} item={item} />
          ))}
        </Section>
        <Section id="suggestions" heading={t('agenda.suggestions.heading', { count: a.suggestions.total })} total={a.suggestions.total} shown={a.suggestions.items.length} more="/instruments">
          {a.suggestions.items.map((item) => (
            <SuggestionItem key={item.contribution_id} item={item} />
          ))}
        </Section>
        <Section id="responsibilities" heading={t('agenda.responsibilities.heading', { count: a.responsibilities.total })} total={a.responsibilities.total} shown={a.responsibilities.items.length} more="/actions">
          {a.responsibilities.items.map((item) => (
            <ResponsibilityItem key={item.responsibility_id} item={item} />
          ))}
        </Section>
        <Section id="signals" heading={t('agenda.signals.heading', { count: a.signals.total })} total={a.signals.total} shown={a.signals.items.length} more="/indicators">
          {a.signals.items.map((item) => (
            <SignalItem key={`${item.indicator_id}:${item.place.organisation_id}:${item.place.service_id ?? ''}`} item={item} />
          ))}
        </Section>
        <Section id="overdue" heading={t('agenda.overdue.heading', { count: a.overdue.total })} total={a.overdue.total} shown={a.overdue.items.length} more="/actions?overdue=true">
          {a.overdue.items.map((item) => (
            <OverdueItem key={item.action_id} item={item} />
          ))}
        </Section>
      </div>
      {invitations}
      <section aria-labelledby="agenda-changes" data-testid="agenda-changes">
        <h2 id="agenda-changes">{t('agenda.changes.title')}</h2>
        {a.changes.unread > 0 ? (
          <p data-testid="agenda-unread">
            {a.changes.unread_more ? t('agenda.changes.unreadMore', { count: a.changes.unread }) : t('agenda.changes.unread', { count: a.changes.unread })}
          </p>
        ) : null}
        {a.changes.items.length === 0 ? (
          <p>{t('agenda.changes.nothing')}</p>
        ) : (
          <ul className="nhsuk-list nhsuk-list--border">
            {a.changes.items.map((note) => {
              const link = safeAppLink(note.link);
              const title = localized(note.title, i18n.language);
              return (
                <li key={note.id} data-testid="agenda-change">
                  {note.read_at ? null : (
                    <span className="nhsuk-u-margin-right-2">
                      <Tag colour="blue">{t('notifications.new')}</Tag>
                    </span>
                  )}
                  {link ? <Link to={link}>{title}</Link> : title}
                  <Meta>{formatDateTime(note.created_at)}</Meta>
                </li>
              );
            })}
          </ul>
        )}
        <p>
          <Link to={a.changes.link}>{t('agenda.changes.all')}</Link>
        </p>
      </section>
    </>
  );
}
