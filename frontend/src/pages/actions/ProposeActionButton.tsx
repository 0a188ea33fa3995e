import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { proposeLink, type EvidenceSource } from '../../features/actions/actionsModel';

interface ProposeActionButtonProps {
  /** What the proposal rests on: a campaign's result, one question of it, or an indicator (and its unit). */
  evidence: EvidenceSource;
  /** The partnership the action would belong to, when the page knows it. */
  partnershipId?: string | null;
  /** Said to screen readers after the label, e.g. which question (for buttons in lists). */
  hiddenContext?: string;
  small?: boolean;
}

/**
 * "Propose an improvement" from a result or a chart in one click: a link to the propose
 * page with the evidence (and partnership) prefilled in its address.
 */
export function ProposeActionButton({ evidence, partnershipId, hiddenContext, small = true }: ProposeActionButtonProps) {
  const { t } = useTranslation();
  return (
    <Link
      className={`nhsuk-button nhsuk-button--secondary${small ? ' nhsuk-button--small' : ''}`}
      to={proposeLink(evidence, partnershipId)}
      data-testid="propose-action"
    >
      {t('improvement.proposeFromHere')}
      {hiddenContext ? <span className="nhsuk-u-visually-hidden"> {hiddenContext}</span> : null}
    </Link>
  );
}

/** The button for one question of a campaign's results page (the campaign comes from the address). */
export function ProposeFromQuestion({
  questionKey,
  hiddenContext,
  partnershipId,
}: {
  questionKey: string;
  hiddenContext?: string;
  partnershipId?: string | null;
}) {
  const { campaignId = '' } = useParams();
  if (!campaignId) return null;
  return <ProposeActionButton evidence={{ kind: 'question', campaignId, questionKey }} partnershipId={partnershipId} hiddenContext={hiddenContext} />;
}
