import { useQuery } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import { queryKeys } from '@/api/queryKeys';

/** Every visible operator's state; `operator_state_changed` events update it live (F-64). */
export function useOperatorStates() {
  return useQuery({
    queryKey: queryKeys.operatorStates,
    queryFn: () => call(api.GET('/api/operators/states')),
    staleTime: Infinity,
  });
}
