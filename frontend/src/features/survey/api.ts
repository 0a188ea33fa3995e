// The public survey: read by its link's token, answered without signing in.
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { SubmissionCreate } from '../../api/types';

export const publicSurveyKeys = {
  all: ['public-survey'] as const,
  detail: (token: string) => [...publicSurveyKeys.all, token] as const,
};

export function usePublicSurvey(token: string) {
  return useQuery({
    queryKey: publicSurveyKeys.detail(token),
    queryFn: () => unwrap(api.GET('/api/v1/public/surveys/{token}', { params: { path: { token } } })),
    retry: (count, error) => !(error instanceof ApiProblem && error.status === 404) && count < 2,
    staleTime: 60_000,
  });
}

/**
 * Send the answers. 201 is received, 200 is a retry of a form already received: both
 * answer a receipt. A refusal is thrown as an ApiProblem.
 */
export function useSubmitSurveyMutation(token: string) {
  return useMutation({
    mutationFn: (body: SubmissionCreate) =>
      unwrap(api.POST('/api/v1/public/surveys/{token}/responses', { params: { path: { token } }, body })),
  });
}
