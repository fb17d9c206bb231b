import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import { queryKeys } from '@/api/queryKeys';
import type { ChosenStateName, OperatorState } from '@/api/types';
import { newerState, replaceOperatorState } from './cache';

/** The operator's own state; kept fresh by `operator_state_changed` over the WebSocket. */
export function useMyState(enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.myState,
    queryFn: () => call(api.GET('/api/operators/me/state')),
    enabled,
    staleTime: Infinity,
  });
}

export function useSetMyState() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (state: ChosenStateName) => call(api.PUT('/api/operators/me/state', { body: { state } })),
    onSuccess: (saved: OperatorState) => {
      client.setQueryData<OperatorState>(queryKeys.myState, (cached) => newerState(cached, saved));
      client.setQueryData<OperatorState[]>(
        queryKeys.operatorStates,
        (rows) => rows && replaceOperatorState(rows, saved),
      );
    },
  });
}
