import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import { queryKeys } from '@/api/queryKeys';
import type { Notification } from '@/api/types';
import { markNotificationRead } from './cache';

/** The user's notifications; `notification_created` events add to this list live. */
export function useNotifications() {
  return useQuery({
    queryKey: queryKeys.notifications,
    queryFn: () => call(api.GET('/api/notifications')),
    staleTime: Infinity,
  });
}

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: Notification['id']) =>
      call(api.POST('/api/notifications/{notification_id}/read', { params: { path: { notification_id: id } } })),
    onMutate: async (id) => {
      await client.cancelQueries({ queryKey: queryKeys.notifications });
      const before = client.getQueryData<Notification[]>(queryKeys.notifications);
      client.setQueryData<Notification[]>(
        queryKeys.notifications,
        (list) => list && markNotificationRead(list, id, new Date().toISOString()),
      );
      return { before };
    },
    onError: (_error, _id, context) => client.setQueryData(queryKeys.notifications, context?.before),
  });
}
