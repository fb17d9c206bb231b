import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '@/api/client';
import type { TaskCreate, TaskUpdate } from './types';

export const taskKeys = {
  all: ['tasks'] as const,
  ofContact: (contactId: string) => ['tasks', 'contact', contactId] as const,
};

export function useContactTasks(contactId: string) {
  return useQuery({
    queryKey: taskKeys.ofContact(contactId),
    queryFn: () => call(api.GET('/api/tasks', { params: { query: { contact_id: contactId } } })),
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: taskKeys.all });
}

export function useCreateTask() {
  const onSuccess = useInvalidate();
  return useMutation({ mutationFn: (body: TaskCreate) => call(api.POST('/api/tasks', { body })), onSuccess });
}

export function useUpdateTask() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: TaskUpdate }) =>
      call(api.PATCH('/api/tasks/{task_id}', { params: { path: { task_id: id } }, body })),
    onSuccess,
  });
}

export function useTaskDone() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => call(api.POST('/api/tasks/{task_id}/done', { params: { path: { task_id: id } } })),
    onSuccess,
  });
}

export function useDeleteTask() {
  const onSuccess = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => call(api.DELETE('/api/tasks/{task_id}', { params: { path: { task_id: id } } })),
    onSuccess,
  });
}
