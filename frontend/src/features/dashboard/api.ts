import { useQuery } from '@tanstack/react-query';
import { api, call } from '@/api/client';

function browserZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

/** Today's time in each state and the call counts of the logged-in user (F-63). */
export function useMyDashboard() {
  return useQuery({
    queryKey: ['dashboard', 'me'] as const,
    queryFn: () => call(api.GET('/api/dashboard/me', { params: { query: { tz: browserZone() } } })),
    refetchInterval: 30_000,
  });
}
