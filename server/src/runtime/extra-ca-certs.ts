import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { FunctionConfig } from './config';
import { privateFile } from './private-files';

/**
 * The caller's NODE_EXTRA_CA_CERTS, as an execution environment gets it.
 *
 * Node 20 reads that file when the process starts, before any code runs, and
 * builds its whole root store for it: with a distribution's bundle (144
 * certificates, as many machines set it) that is ~30 ms of every cold start.
 * Certificates Node already ships in its root store add no trust, so the
 * environment gets a file with only the others — the same trust, less
 * startup — or no variable when none are left.
 */

/** What to pass instead of the caller's file: `undefined` drops the variable. */
export type ExtraCaCerts = { readonly file: string } | undefined;

const pemBlock = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;

/**
 * The certificates of `pem` that `trusted` lacks; `as-is` when that is all of
 * them, or when the file holds other PEM blocks or none (Node's own reading of
 * such a file is not second-guessed). Text between blocks is ignored, as
 * OpenSSL ignores it.
 */
export function certificatesToAdd(pem: string, trusted: readonly string[]): string[] | 'as-is' {
  const blocks = [...pem.matchAll(pemBlock)];
  if (blocks.length === 0 || blocks.some((match) => match[1] !== 'CERTIFICATE')) return 'as-is';
  const known = new Set(trusted.map(base64Of));
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const [block] of blocks) {
    const key = base64Of(block);
    if (known.has(key) || seen.has(key)) continue;
    seen.add(key);
    kept.push(block);
  }
  return kept.length === blocks.length ? 'as-is' : kept;
}

function base64Of(block: string): string {
  return block.replace(/-----[A-Z0-9 ]+-----/g, '').replace(/\s+/g, '');
}

/**
 * Replaces an inherited NODE_EXTRA_CA_CERTS in `env` by its reduced file, or
 * drops it; a value the function's own configuration sets is passed as set.
 */
export function reduceInheritedExtraCaCerts(env: Record<string, string>, config: FunctionConfig, nodeArgs: readonly string[]): void {
  const inherited = config.inheritedEnvironment['NODE_EXTRA_CA_CERTS'];
  if (!inherited || env['NODE_EXTRA_CA_CERTS'] !== inherited || config.environment['NODE_EXTRA_CA_CERTS'] !== undefined) return;
  if (!canReduce(config.nodePath, [...nodeArgs, env['NODE_OPTIONS'] ?? ''])) return;
  const answer = reducedExtraCaCerts(inherited);
  if (answer) env['NODE_EXTRA_CA_CERTS'] = answer.file;
  else delete env['NODE_EXTRA_CA_CERTS'];
}

/**
 * Only when the environment runs this very Node.js with its bundled root
 * store: another executable (or `--use-openssl-ca`) trusts another set.
 */
export function canReduce(nodePath: string, nodeOptions: readonly string[]): boolean {
  const config = process.config as { variables?: { openssl_use_def_ca_store?: unknown } };
  if (config.variables?.openssl_use_def_ca_store === true) return false;
  return nodePath === process.execPath && !nodeOptions.some((option) => option.includes('use-openssl-ca'));
}

const reduced = new Map<string, ExtraCaCerts>();

/** The file (or none) to pass for `file`, computed once per file version per process. */
export function reducedExtraCaCerts(file: string): ExtraCaCerts {
  let key: string;
  let pem: string;
  try {
    const stat = statSync(file);
    key = `${file}\0${stat.size}\0${stat.mtimeMs}`;
    // `has`, not `get`: "no variable" is a remembered answer too.
    if (reduced.has(key)) return reduced.get(key);
    pem = readFileSync(file, 'latin1');
  } catch {
    // Node reports an unreadable file itself, as it would for any process.
    return { file };
  }
  // Loaded here, not above: a caller without the variable never pays for the TLS module.
  const { rootCertificates } = require('node:tls') as typeof import('node:tls');
  const kept = certificatesToAdd(pem, rootCertificates);
  const answer: ExtraCaCerts = kept === 'as-is' ? { file } : kept.length === 0 ? undefined : { file: writeReduced(kept) };
  reduced.set(key, answer);
  return answer;
}

function writeReduced(certificates: readonly string[]): string {
  const file = privateFile('extra-ca-certs.pem');
  writeFileSync(file, `${certificates.join('\n')}\n`, { mode: 0o600 });
  return file;
}
