type Listener = (event: unknown) => void;

/** Minimal WebSocket stand-in: opens on the next tick, records frames, lets tests push messages. */
export class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static instances: FakeSocket[] = [];

  readonly url: string;
  readyState = FakeSocket.CONNECTING;
  binaryType = 'blob';
  readonly sent: string[] = [];
  onopen: Listener | null = null;
  onmessage: Listener | null = null;
  onclose: Listener | null = null;
  onerror: Listener | null = null;
  private listeners = new Map<string, Set<Listener>>();

  constructor(url: string) {
    this.url = url;
    FakeSocket.instances.push(this);
    setTimeout(() => this.open(), 0);
  }

  static latest(): FakeSocket {
    const socket = FakeSocket.instances.at(-1);
    if (!socket) throw new Error('no WebSocket was opened');
    return socket;
  }

  private emit(type: string, event: unknown) {
    const handler = this[`on${type}` as 'onopen'];
    handler?.(event);
    this.listeners.get(type)?.forEach((listener) => listener(event));
  }

  open() {
    if (this.readyState !== FakeSocket.CONNECTING) return;
    this.readyState = FakeSocket.OPEN;
    this.emit('open', { type: 'open' });
  }

  send(data: string) {
    this.sent.push(data);
  }

  /** Delivers a server frame (JSON-encoded). */
  receive(message: unknown) {
    this.emit('message', { type: 'message', data: JSON.stringify(message) });
  }

  close(code = 1000, reason = '') {
    if (this.readyState === FakeSocket.CLOSED) return;
    this.readyState = FakeSocket.CLOSED;
    this.emit('close', { type: 'close', code, reason, wasClean: code !== 1006 });
  }

  addEventListener(type: string, listener: Listener) {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)?.add(listener);
  }

  removeEventListener(type: string, listener: Listener) {
    this.listeners.get(type)?.delete(listener);
  }
}
