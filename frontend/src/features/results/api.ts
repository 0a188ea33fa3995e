// Published results of a campaign, kept live by the stream.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { isResultsEvent, useStreamEvents } from '../../api/stream';
import { campaignKeys } from '../campaigns/api';
import { scopeQuery, type Period } from './resultsModel';

export const resultsKeys = {
  ofCampaign: (campaignId: string) => [...campaignKeys.detail(campaignId), 'results'] as const,
  view: (campaignId: string, scope: string, period: Period) => [...resultsKeys.ofCampaign(campaignId), scope, period] as const,
};

/** The results for one scope and period; the previous view stays on screen while another loads. */
export function useResults(campaignId: string, scope: string, period: Period) {
  return useQuery({
    queryKey: resultsKeys.view(campaignId, scope, period),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/campaigns/{campaign_id}/results', {
          params: { path: { campaign_id: campaignId }, query: { period, ...scopeQuery(scope) } },
        }),
      ),
    staleTime: 0,
    placeholderData: (previous) => previous,
  });
}

/** Read the results again when a release for this campaign is announced; then call onUpdated. */
export function useLiveResults(campaignId: string, onUpdated: () => void) {
  const queryClient = useQueryClient();
  useStreamEvents((event) => {
    if ((isResultsEvent(event) && event.data.campaign_id === campaignId) || event.event === 'reconnected') {
      void queryClient.invalidateQueries({ queryKey: resultsKeys.ofCampaign(campaignId) }).then(onUpdated);
    }
  });
}
