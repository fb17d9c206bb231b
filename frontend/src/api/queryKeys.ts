export const queryKeys = {
  me: ['auth', 'me'] as const,
  myState: ['operators', 'me', 'state'] as const,
  operatorStates: ['operators', 'states'] as const,
  notifications: ['notifications'] as const,
};
