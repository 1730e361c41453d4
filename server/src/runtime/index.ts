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
 * The faces import this file only; a test holds them to it.
 */
export { FunctionWatcher, type SourceChange, sourceChange, type WatchedSources } from './function-watcher';
export { type FunctionConfig, functionConfig, functionNameFrom, type FunctionOptions, maxMemoryMB, maxTimeoutSeconds, minMemoryMB, type ReloadMode } from './config';
export { errorNotice } from './error-notice';
export { logForTerminal } from './log-format';
export { type EventProblem, prepareEvent } from './event';
export { FunctionUrlEndpoint } from './function-url-endpoint';
export { type DetectedHandler, detectHandlers } from './handler-detection';
export { handlerStringFor, isMalformed, parseHandlerString, typeScriptExtensions } from './handler-string';
export { handlerLanguage, type HandlerLanguage } from './language';
export { type InvokeRequest, type InvokeResult, type LifecycleEvents, LocalFunction, type LogSink } from './local-function';
export { detectPythonHandlers } from './python/handler-detection';
export { findPython, type PythonChoice, type PythonInterpreter } from './python/interpreter';
export { RieEndpoint } from './rie-endpoint';
export { type SampleEvent, sampleEvents } from './sample-events';
export { type FunctionSettings, type FunctionSettingsTable, parseEnvFile, parseEnvPairs, parseFunctionSettings, type ResolvedFunctionSettings } from './settings';
export { httpIntegrationContentType, splitHttpIntegrationResponse, type StreamedResponse, streamedResponseView } from './streamed-response';
export { handlerFileFor, type HandlerTarget, handlerTarget } from './task-root';
export { type FunctionSources, type InvokeLayer, layerFunctionSettings, type LayeredFunctionSettings, type TemplateLayer, workspaceFileSettings } from './function-source';
export { defaultTemplate, missingTemplateValues, namesTemplateFunction, templateFileNames, type TemplateFunction, type TemplateFunctionEntry, templateFunction, templateFunctionEntries, templateFunctionFor } from './template-function';
