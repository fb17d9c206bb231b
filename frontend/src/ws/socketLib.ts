// react-use-websocket ships CommonJS only. With "type": "module", Vite 8 follows Node's interop
// rules, where the default import of a CJS module is the whole `module.exports` object, so the
// package's `default` export (the hook) is not what `import useWebSocket from ...` yields in a
// production build. Named imports from the implementation modules behave the same everywhere.
export { useWebSocket } from 'react-use-websocket/dist/lib/use-websocket';
export { ReadyState } from 'react-use-websocket/dist/lib/constants';
