import { useQuery } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { paths } from '@/api/schema';

type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;
export type CallRow = JsonBody<paths['/api/calls']['get']['responses'][200]>[number];

/** «Показать звонки» (own calls of the contact) or «Показать все звонки по номеру» (F-55). */
export function useContactCalls(contactId: string, allByNumber: boolean, enabled: boolean) {
  return useQuery({
    queryKey: ['calls', 'contact', contactId, allByNumber] as const,
    queryFn: () =>
      call(
        api.GET('/api/contacts/{contact_id}/calls', {
          params: { path: { contact_id: contactId }, query: { all_by_number: allByNumber } },
        }),
      ),
    enabled,
  });
}

/** The recording's URL (streamed with byte ranges, so the player can seek). */
export function recordingUrl(callId: string): string {
  return `/api/calls/${encodeURIComponent(callId)}/recording`;
}
