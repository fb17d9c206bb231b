import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import { isUnauthorized } from '@/api/errors';
import { queryKeys } from '@/api/queryKeys';
import type { LoginBody, Me } from '@/api/types';

/** The logged-in user, or null when there is no session (F-01). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await call(api.GET('/api/auth/me'));
  } catch (error) {
    if (isUnauthorized(error)) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: Infinity });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => call(api.POST('/api/auth/login', { body })),
    onSuccess: (me) => client.setQueryData(queryKeys.me, me),
  });
}

export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/auth/logout')),
    // Even if the request fails (e.g. the session has already expired), the user is logged out here.
    onSettled: () => {
      client.setQueryData(queryKeys.me, null);
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== queryKeys.me[0] });
    },
  });
}
