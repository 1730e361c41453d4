/**
 * The local Lambda runtime: runs handlers as Lambda does, without Docker.
 *
 * It owns the Runtime API server (runtime-api.ts), execution environments as
 * child processes (environment.ts), the pool that reuses, scales and retires
 * them (local-function.ts), the emulator-compatible endpoint (rie-endpoint.ts)
 * and the bootstrap that runs inside each environment (bootstrap/, built to
 * dist/runtime-bootstrap.js). Pure helpers (handler strings, log lines,
 * errors, handler detection, settings, sample events) have no I/O.
 *
 * It may import Node built-ins only: never `vscode` or the language server.
 */
export { CodeWatcher, isCodeChange } from './code-watcher';
export { functionConfig, functionNameFrom, type FunctionConfig, type FunctionOptions, type ReloadMode } from './config';
export { detectHandlers, type DetectedHandler } from './handler-detection';
export { handlerStringFor, isMalformed, parseHandlerString } from './handler-string';
export { LocalFunction, type InvokeRequest, type InvokeResult, type LifecycleEvents, type LogSink } from './local-function';
export { RieEndpoint } from './rie-endpoint';
export { sampleEvents, type SampleEvent } from './sample-events';
export { parseEnvFile, parseEnvPairs, parseFunctionSettings, settingsFor, type FunctionSettings, type FunctionSettingsTable } from './settings';
