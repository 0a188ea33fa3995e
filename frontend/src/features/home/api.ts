import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { useStreamEvents } from '../../api/stream';

export type Agenda = components['schemas']['Agenda'];
export type ReviewAsked = components['schemas']['ReviewAsked'];
export type SuggestionToAnswer = components['schemas']['SuggestionToAnswer'];
export type ResponsibilityToAccept = components['schemas']['ResponsibilityToAccept'];
export type SignalOnIndicator = components['schemas']['SignalOnIndicator'];
export type OverdueAction = components['schemas']['OverdueAction'];
export type Place = components['schemas']['Place'];

export const agendaKeys = {
  all: ['agenda'] as const,
};

/** What needs the signed-in person, and what changed; fetched again when a notification arrives. */
export function useAgenda() {
  const queryClient = useQueryClient();
  useStreamEvents((event) => {
    if (event.event === 'notification' || event.event === 'reconnected') {
      void queryClient.invalidateQueries({ queryKey: agendaKeys.all });
    }
  });
  return useQuery({
    queryKey: agendaKeys.all,
    queryFn: () => unwrap(api.GET('/api/v1/me/agenda')),
    staleTime: 0,
  });
}
