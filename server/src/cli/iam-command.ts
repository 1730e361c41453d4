import type { LineIndex } from '../document/line-index';
import { decisions, isPrivilege, policiesIn, requestNotes, simulateRequest, type Decision, type PolicyRole, type SimulationPolicy, type SimulationRequest, type SimulationResult, type StatementTrace } from '../iam';
import type { TextRange } from '../language/finding';
import { createWorkbenchService } from '../workbench';
import { type ParsedArgs, parseArgs, single, UsageError } from './args';
import { exitCodes, type CliCommand, type CommandIO } from './command';
import { readText } from './files';
import { runRequestTable } from './iam-table';

/** Each policy option and the role its files play. */
const policyOptions: ReadonlyArray<readonly [string, PolicyRole, boolean]> = [
  ['policy', 'identity', true], ['resource-policy', 'resource', false], ['boundary', 'boundary', false],
  ['scp', 'scp', true], ['rcp', 'rcp', true], ['session-policy', 'session', false],
];

/** A policy read from a file, with the means to say where its statements are. */
interface LoadedPolicy extends SimulationPolicy {
  readonly at: (range: TextRange) => string;
}

export const iamCommand: CliCommand = {
  name: 'iam',
  synopsis: 'iam simulate --policy FILE... [--resource-policy FILE] [--boundary FILE] [--scp FILE...] [--rcp FILE...] [--session-policy FILE] (--action SERVICE:ACTION --resource ARN [--principal ARN] [--context KEY=VALUE...] [--json] [--expect allowed|explicitDeny|implicitDeny] | --requests FILE.jsonl)',
  summary: 'Decide whether IAM policies allow a request, offline, with every statement\'s verdict',
  help: `Usage: lambda-workbench iam simulate [policies] --action SERVICE:ACTION --resource ARN [options]

Decides a request as AWS's policy evaluation logic does, offline: an
explicit Deny anywhere wins; every SCP and RCP must allow; within one
account an identity policy (inside the permissions boundary and session
policy) or a resource policy grants; across accounts (the principal's and
the resource's account differ) both must. Prints the decision (allowed,
explicitDeny or implicitDeny, AWS's words), the deciding statements as
file:line:col and Sid, every statement's verdict with its reasons (action,
resource, principal, each condition with the value it saw), and the context
keys the policies read that the request did not give (MissingContextValues).
An action or context key the IAM reference data does not know gets a Note
with the closest name, and so does a resource of none of the types the
action acts on (the request is still decided as written).

Policies are JSON or YAML files: a policy document, CLI output holding one,
or a template (every policy in it is read).

Policies:
  --policy FILE             An identity policy. Repeatable.
  --resource-policy FILE    The resource's policy (a bucket policy, a role's
                            trust policy...).
  --boundary FILE           The permissions boundary.
  --session-policy FILE     The session policy.
  --scp FILE                A service control policy, one per level of the
                            organization; each must allow. Repeatable.
  --rcp FILE                A resource control policy. Repeatable.

Request:
  --action SERVICE:ACTION   The privilege asked for, e.g. s3:GetObject.
  --resource ARN            The resource's ARN (or *).
  --principal ARN           The caller: a user, role, assumed-role session
                            or account ARN, or a service principal. Fills
                            aws:PrincipalArn, aws:PrincipalAccount and
                            aws:username unless --context gives them.
  --context KEY=VALUE       A context key. Repeatable; a key given more
                            than once is multi-valued (aws:TagKeys).
                            Example: --context aws:SourceIp=192.0.2.1
                            The resource's account is its ARN's; for ARNs
                            without one (S3) give aws:ResourceAccount=ID,
                            or it is taken to be the caller's.

Output:
  --json                    Print the answer as JSON.
  --expect DECISION         Exit 1 unless the decision is DECISION (for CI).

Many requests (for CI):
  --requests FILE.jsonl     Decide one request a line instead, each with the
                            decision it should get: {"action": "s3:GetObject",
                            "resource": "arn:...", "principal": "arn:...",
                            "context": {"aws:SourceIp": "192.0.2.1"},
                            "expect": "allowed"}. Prints a JSON line per
                            request; each unmet expectation, bad line and
                            note as FILE:LINE on stderr.

Exit status: 0 decided (and as expected); 1 the decision is not --expect's
(or a --requests line failed);
2 bad usage, an unreadable file, or a file that holds no IAM policy
(printed as file:line:col).`,
  async run(argv, io) {
    const args = parseArgs(argv, {
      values: [...policyOptions.map(([name]) => name), 'action', 'resource', 'principal', 'context', 'expect', 'requests'],
      flags: ['json'],
    });
    const [sub, ...extra] = args.positionals;
    if (sub !== 'simulate') throw new UsageError(sub === undefined ? 'iam needs a subcommand: simulate' : `unknown iam subcommand "${sub}" (there is: simulate)`);
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0] ?? ''}" (policies go after --policy, --resource-policy...)`);
    for (const [name, , repeatable] of policyOptions) {
      if (!repeatable && (args.options.get(name)?.length ?? 0) > 1) throw new UsageError(`--${name} takes one file`);
    }
    const requestsFile = single(args, 'requests');
    // One request from the options, or a table of them from a file.
    const asked: { readonly table: string } | { readonly request: SimulationRequest } = requestsFile !== undefined ? { table: requestsFile } : { request: requestFromArgs(args) };
    if (requestsFile !== undefined) {
      const perRequest = [...oneRequestOptions, 'expect'].find((name) => args.options.has(name)) ?? (args.flags.has('json') ? 'json' : undefined);
      if (perRequest !== undefined) throw new UsageError(`--${perRequest} is for one request; with --requests, each line carries its own (and the output is JSON lines)`);
    }
    const expect = single(args, 'expect');
    if (expect !== undefined && !decisions.includes(expect as Decision)) throw new UsageError(`--expect takes ${decisions.join(', ')} (got "${expect}")`);
    const files = policyOptions.flatMap(([name, role]) => (args.options.get(name) ?? []).map((file) => [file, role] as const));
    if (files.length === 0) throw new UsageError('iam simulate needs at least one policy (--policy, --resource-policy, --scp...)');

    const service = createWorkbenchService();
    const policies: LoadedPolicy[] = [];
    for (const [file, role] of files) {
      const loaded = loadPolicies(file, role, service, io);
      if (!loaded) return exitCodes.usage;
      policies.push(...loaded);
    }
    const where = new Map(policies.map((p) => [p.policy, p.at]));
    const at = (trace: { policy: SimulationPolicy['policy'] }, statement: StatementTrace) => where.get(trace.policy)?.(trace.policy.range(statement.statement.node)) ?? '';
    if ('table' in asked) return runRequestTable(asked.table, policies, at, io);
    const { request } = asked;
    const result = simulateRequest(policies, request);
    const notes = requestNotes(request);
    io.stdout(args.flags.has('json') ? `${JSON.stringify(toJson(request, result, notes, at), null, 2)}\n` : formatResult(request, result, notes, at));
    if (expect !== undefined && expect !== result.decision) {
      io.stderr(`lambda-workbench iam: expected ${expect}, decided ${result.decision}\n`);
      return exitCodes.findings;
    }
    return exitCodes.ok;
  },
};

const oneRequestOptions = ['action', 'resource', 'principal', 'context'];

/** The one request the options name (--action, --resource, --principal, --context). */
function requestFromArgs(args: ParsedArgs): SimulationRequest {
  const action = single(args, 'action');
  const resource = single(args, 'resource');
  if (action === undefined || resource === undefined) throw new UsageError('iam simulate needs --action SERVICE:ACTION and --resource ARN (or --requests FILE.jsonl)');
  if (!isPrivilege(action)) throw new UsageError(`--action takes one privilege as SERVICE:ACTION, without wildcards (got "${action}")`);
  return { action, resource, principal: single(args, 'principal'), context: (args.options.get('context') ?? []).map(contextPair) };
}

function contextPair(text: string): readonly [string, string] {
  const eq = text.indexOf('=');
  const key = eq < 0 ? '' : text.slice(0, eq);
  if (!/^[^:=\s]+:\S+$/.test(key)) throw new UsageError(`--context takes KEY=VALUE with a key such as aws:SourceIp (got "${text}")`);
  return [key, text.slice(eq + 1)];
}

/** Reads a file's IAM policies; prints why not (file:line:col) and returns undefined when it cannot. */
function loadPolicies(file: string, role: PolicyRole, service: ReturnType<typeof createWorkbenchService>, io: CommandIO): LoadedPolicy[] | undefined {
  const text = readText(file, io);
  if (text === undefined) return undefined;
  const analysis = service.analyze(text, undefined, file);
  const at = (range: TextRange) => location(file, analysis.document.lines, range);
  const [syntax] = analysis.document.syntaxProblems;
  if (syntax) {
    io.stderr(`${at(syntax)}: error syntax: ${syntax.message ?? syntax.code}; the policy cannot be read\n`);
    return undefined;
  }
  const found = policiesIn(analysis);
  if (found.length === 0) {
    io.stderr(`${file}:1:1: error iam: this document holds no IAM policy (a policy document, CLI output holding one, or a template)\n`);
    return undefined;
  }
  // What AWS would refuse in the policy is worth seeing next to a decision made from it.
  for (const f of analysis.findings.filter((f) => f.severity === 'error')) io.stderr(`${at(f.range)}: error ${f.id}: ${f.message}\n`);
  return found.map((policy) => ({ role, name: file, policy, at }));
}

function location(file: string, lines: LineIndex, range: TextRange): string {
  const p = lines.positionAt(range.offset);
  return `${file}:${p.line + 1}:${p.character + 1}`;
}

type At = (trace: { policy: SimulationPolicy['policy'] }, statement: StatementTrace) => string;

const roleNames: Readonly<Record<PolicyRole, string>> = {
  identity: 'identity policy', resource: 'resource policy', boundary: 'permissions boundary', session: 'session policy', scp: 'SCP', rcp: 'RCP',
};

/** A statement by Effect and Sid; an Effect IAM does not know (which never applies) is shown as written. */
const label = (s: StatementTrace) => `${s.effect ?? (s.statement.effect === undefined ? '(no Effect)' : `Effect ${JSON.stringify(s.statement.effect)}, neither Allow nor Deny,`)}${s.sid !== undefined ? ` Sid "${s.sid}"` : ''}`;

/** The answer as people read it in a terminal. */
function formatResult(request: SimulationRequest, result: SimulationResult, notes: readonly string[], at: At): string {
  const out: string[] = [
    `Request   ${request.action} on ${request.resource}${request.principal ? ` by ${request.principal}` : ''}`,
    ...request.context.map(([key, value]) => `          ${key} = ${value}`),
    ...notes.map((note) => `Note      ${note}`),
    `Decision  ${result.decision}`, ...result.reasons.map((r) => `          ${r}`)];
  for (const d of result.deciding) out.push(`Deciding  ${label(d.statement)}  ${at(d.policy, d.statement)}  (${roleNames[d.policy.role]})`);
  if (result.missingContextValues.length) out.push(`MissingContextValues  ${result.missingContextValues.join(', ')}`);
  for (const policy of result.policies) {
    out.push('', `${roleNames[policy.role]} ${policy.name}`);
    for (const s of policy.statements) {
      out.push(`  ${s.applies ? '✓ applies' : '✗ does not apply'}  ${label(s)}  ${at(policy, s)}`);
      out.push(`      action     ${mark(s.action.matched)} ${s.action.reason}`);
      if (s.action.matched) out.push(`      resource   ${mark(s.resource.matched)} ${s.resource.reason}`);
      if (s.principal) out.push(`      principal  ${mark(s.principal.matched)} ${s.principal.reason}`);
      for (const c of s.conditions) out.push(`      condition  ${mark(c.matched)} ${c.operator} ${c.key} ${JSON.stringify(c.values)}: ${c.reason}`);
    }
  }
  return `${out.join('\n')}\n`;
}

const mark = (matched: boolean) => (matched ? '✓' : '✗');

/** The answer as JSON, with file:line:col locations instead of offsets. */
function toJson(request: SimulationRequest, result: SimulationResult, notes: readonly string[], at: At): object {
  return {
    request: { action: request.action, resource: request.resource, principal: request.principal ?? null, context: request.context.map(([key, value]) => ({ key, value })) },
    decision: result.decision,
    reasons: result.reasons,
    crossAccount: result.crossAccount,
    deciding: result.deciding.map((d) => ({ location: at(d.policy, d.statement), sid: d.statement.sid ?? null, effect: d.statement.effect ?? null, role: d.policy.role })),
    missingContextValues: result.missingContextValues,
    notes,
    policies: result.policies.map((policy) => ({
      role: policy.role,
      file: policy.name,
      statements: policy.statements.map((s) => ({
        location: at(policy, s),
        sid: s.sid ?? null,
        effect: s.effect ?? null,
        applies: s.applies,
        action: s.action,
        resource: s.resource,
        principal: s.principal ?? null,
        conditions: s.conditions.map(({ node: _node, ...c }) => ({ ...c, seen: c.seen ?? null })),
      })),
    })),
  };
}
