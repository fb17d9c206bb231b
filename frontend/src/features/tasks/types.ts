import type { paths } from '@/api/schema';

type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Task = JsonBody<paths['/api/tasks']['get']['responses'][200]>[number];
export type TaskCreate = JsonBody<paths['/api/tasks']['post']['requestBody']>;
export type TaskUpdate = JsonBody<paths['/api/tasks/{task_id}']['patch']['requestBody']>;
