import type { paths } from '@/api/schema';

type JsonBody<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Card = JsonBody<paths['/api/cards/current']['get']['responses'][200]>;
export type CardContact = NonNullable<Card['contact']>;
export type CardField = Card['template'][number];
export type ResultStatus = Card['result_statuses'][number];
export type CardSaveBody = JsonBody<paths['/api/cards/{call_id}']['put']['requestBody']>;
export type ContactContext = JsonBody<paths['/api/contacts/{contact_id}/context']['get']['responses'][200]>;
export type MessageTemplate = ContactContext['email_templates'][number];
export type DemoPhone = JsonBody<paths['/api/demo-phone']['get']['responses'][200]>;
