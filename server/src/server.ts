#!/usr/bin/env node
import { isMainThread, parentPort } from 'node:worker_threads';
import { runAnalysisWorker } from './lsp/analysis-worker';
import { analysisBudgetMs, startServer } from './lsp/server';

// The same bundle is the server and its analysis workers (lsp/analysis-pool.ts).
if (isMainThread) startServer(__filename);
else if (parentPort) runAnalysisWorker(parentPort, analysisBudgetMs);
