import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { indicatorKeys } from './api';

export type AnnotationRead = components['schemas']['AnnotationRead'];
export type AnnotationUpdate = components['schemas']['AnnotationUpdate'];

/** The If-Match of an annotation as read (its ETag). */
const ifMatch = (annotation: AnnotationRead) => ({ 'If-Match': `"${annotation.version}"` });

/** Its author corrects an annotation (its day or words); the indicator's charts are read again. */
export function useUpdateAnnotationMutation(indicatorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ annotation, body }: { annotation: AnnotationRead; body: AnnotationUpdate }) =>
      unwrap(
        api.PATCH('/api/v1/indicators/{indicator_id}/annotations/{annotation_id}', {
          params: { path: { indicator_id: indicatorId, annotation_id: annotation.id }, header: ifMatch(annotation) },
          body,
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: indicatorKeys.detail(indicatorId) }),
  });
}

/** Its author removes an annotation; the indicator's charts are read again. */
export function useDeleteAnnotationMutation(indicatorId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (annotation: AnnotationRead) =>
      unwrap(
        api.DELETE('/api/v1/indicators/{indicator_id}/annotations/{annotation_id}', {
          params: { path: { indicator_id: indicatorId, annotation_id: annotation.id }, header: ifMatch(annotation) },
        }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: indicatorKeys.detail(indicatorId) }),
  });
}
