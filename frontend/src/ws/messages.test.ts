import { describe, expect, it } from 'vitest';
import { reconnectDelay, wsUrl } from './connection';
import { parseServerMessage } from './messages';

describe('parseServerMessage', () => {
  it('reads an event envelope', () => {
    const raw = JSON.stringify({
      type: 'event',
      event: { name: 'operator_state_changed', version: 1, id: 'e1', occurred_at: 'x', producer: 'p', data: { a: 1 } },
    });
    expect(parseServerMessage(raw)).toMatchObject({
      type: 'event',
      event: { name: 'operator_state_changed', data: { a: 1 } },
    });
  });

  it('reads a pong whatever the spacing', () => {
    expect(parseServerMessage('{ "type" : "pong" }')).toEqual({ type: 'pong' });
  });

  it('drops garbage, unknown types and binary frames', () => {
    expect(parseServerMessage('not json')).toBeNull();
    expect(parseServerMessage('{"type":"hello"}')).toBeNull();
    expect(parseServerMessage('{"type":"event","event":{"name":"x"}}')).toBeNull();
    expect(parseServerMessage(new ArrayBuffer(2))).toBeNull();
  });
});

describe('connection', () => {
  it('uses the page origin, with wss on https', () => {
    expect(wsUrl({ protocol: 'http:', host: '127.0.0.1:8765' })).toBe('ws://127.0.0.1:8765/ws');
    expect(wsUrl({ protocol: 'https:', host: 'crm.example.ru' })).toBe('wss://crm.example.ru/ws');
  });

  it('backs off up to 10 s between reconnects', () => {
    expect([0, 1, 2, 3, 4, 10].map(reconnectDelay)).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
  });
});
