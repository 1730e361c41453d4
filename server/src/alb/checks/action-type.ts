import { defineCheck, type Report } from '../../language/check';
import type { Fix } from '../../language/finding';
import { albDocs } from '../docs';
import { actionTypes, type ActionType } from '../model/types';
import { actionsOf } from './walk';
import { either } from './wording';

/** The `*Config` each action type takes. */
const configOf: Readonly<Record<ActionType, string>> = {
  forward: 'ForwardConfig',
  redirect: 'RedirectConfig',
  'fixed-response': 'FixedResponseConfig',
  'authenticate-oidc': 'AuthenticateOidcConfig',
  'authenticate-cognito': 'AuthenticateCognitoConfig',
  'jwt-validation': 'JwtValidationConfig',
};

const meant: ReadonlyArray<readonly [RegExp, ActionType]> = [
  [/^(forward|fwd|target-group|targetgroup)$/i, 'forward'],
  [/^(redirect|redirection)$/i, 'redirect'],
  [/^(fixed|fixed_response|fixedresponse|fixed-response|response|return)$/i, 'fixed-response'],
  [/^(oidc|authenticate_oidc)$/i, 'authenticate-oidc'],
  [/^(cognito|authenticate_cognito)$/i, 'authenticate-cognito'],
  [/^(jwt|jwt_validation)$/i, 'jwt-validation'],
];

/** Every action has a known Type and the configuration that Type needs, and no other's. */
export const actionType = defineCheck({
  id: 'alb.action-type',
  scope: 'alb-config',
  severity: 'error',
  title: 'An action has no type, an unknown type, or lacks the configuration its type needs.',
  docs: albDocs.action,
  *run(context): Iterable<Report> {
    for (const { action } of actionsOf(context)) {
      const type = action.type;
      if (!type) {
        yield { range: action.range, message: `This action has no Type; use ${either(actionTypes.map((t) => `"${t}"`))}.` };
        continue;
      }
      if (type.value === undefined) continue;
      const kind = action.kind;
      if (!kind) {
        const written = type.value;
        const guess = meant.find(([pattern]) => pattern.test(written))?.[1];
        const fixes: Fix[] = guess ? [{ title: `Change to "${guess}"`, edits: [{ ...type.range, newText: JSON.stringify(guess) }], preferred: true }] : [];
        yield { range: type.range, message: `"${written}" is not an action type; use ${either(actionTypes.map((t) => `"${t}"`))}.`, ...(fixes.length ? { fixes } : {}) };
        continue;
      }
      for (const config of action.configs) {
        if (config.name !== configOf[kind]) yield { range: config.key, message: `${config.name} does not belong on a ${kind} action; it takes ${configOf[kind]}.` };
      }
      const present = action.configs.some((c) => c.name === configOf[kind]);
      if (kind === 'forward' && !present && !action.targetGroupArn) {
        yield { range: type.range, message: 'A forward action needs a TargetGroupArn or a ForwardConfig with its target groups.' };
      } else if (kind !== 'forward' && !present) {
        yield { range: type.range, message: `AWS refuses a ${kind} action without its configuration: "For actions of type '${kind}', you must specify the following fields: '${configOf[kind]}'".` };
      }
    }
  },
});
