// Domain types derived from the generated OpenAPI paths, so they follow the gateway's
// schema whatever its component names are.
import type { paths } from './schema';

type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Me = JsonBody<paths['/api/auth/me']['get']['responses'][200]>;
export type Role = Me['role'];
export type UserLocale = Me['locale'];
export type LoginBody = JsonBody<paths['/api/auth/login']['post']['requestBody']>;

export type OperatorState = JsonBody<paths['/api/operators/me/state']['get']['responses'][200]>;
export type OperatorStateName = OperatorState['state'];
export type ChosenStateName = OperatorState['chosen_state'];

export type Notification = JsonBody<paths['/api/notifications']['get']['responses'][200]>[number];

/** RFC 9457 problem details as the gateway sends them. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string | null;
  code?: string | null;
  errors?: unknown[] | null;
}
