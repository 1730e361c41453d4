import type { Node } from 'jsonc-parser';
import type { RegionCheck, Report } from '../language/check';
import { mayCoverIam, mayNameIam, wildcardsCovering } from './actions';
import { iamCheck } from './define';
import { memo } from './memo';
import type { Policy, Statement } from './policy';
import { grantsAccess } from './policy-type';
import { limitsPassedToService, limitsServiceName } from './service-guards';
import { findString, holdsIntrinsic, resourceStrings, strings } from './values';
import { covers, hasWildcard } from './wildcard';

/**
 * Access Analyzer's PassRole and service-linked-role findings are one question
 * asked in six forms: does an Allow grant the action (named, through a
 * wildcard action, or through NotAction) on many roles ("*" or NotResource),
 * with no condition limiting the services? Each form is its own finding code.
 */

/** An IAM action that hands a service a role, the roles it acts on, and the condition that limits it to some services. */
export interface RoleAction {
  readonly action: string;
  /** The resource part of the ARNs it acts on: a NotResource value covering all of them leaves nothing granted. */
  readonly roles: string;
  readonly guarded: (statement: Statement) => boolean;
}

export const passRole: RoleAction = { action: 'iam:PassRole', roles: 'role/*', guarded: limitsPassedToService };
export const createServiceLinkedRole: RoleAction = { action: 'iam:CreateServiceLinkedRole', roles: 'role/aws-service-role/*', guarded: limitsServiceName };

/** How the statement reaches the action: named exactly, by a wildcard Action string, or by a NotAction that leaves it out. */
export type ActionForm = 'named' | 'wildcard' | 'notAction';
/** Which roles: every one (`"Resource": "*"`) or every one a NotResource does not list. */
export type ResourceForm = 'star' | 'notResource';

/** The nodes a finding of this form goes on (the action strings, or the NotAction key); none when the statement does not grant it so. */
export function grantNodes(statement: Statement, target: RoleAction, actionForm: ActionForm, resourceForm: ResourceForm): Node[] {
  // The cheap test first: most statements name no IAM action, no wildcard and have no NotAction.
  if (!mayReach(statement, actionForm) || statement.effect !== 'Allow' || !onManyRoles(statement, target, resourceForm) || target.guarded(statement)) return [];
  switch (actionForm) {
    case 'named': {
      const name = target.action.slice(target.action.indexOf(':') + 1).toLowerCase();
      return statement.actions.filter((a) => mayNameIam(a) && !hasWildcard(a.value) && a.name.toLowerCase() === name).map((a) => a.node);
    }
    case 'wildcard':
      return wildcardsCovering(statement, target.action);
    case 'notAction': {
      const not = statement.elements.NotAction;
      if (!not || holdsIntrinsic(not.value) || strings(not.value).some((s) => covers(s.value, target.action, true))) return [];
      return [not.key];
    }
    default: {
      const unknown: never = actionForm;
      throw new Error(`unknown action form ${String(unknown)}`);
    }
  }
}

function mayReach(statement: Statement, actionForm: ActionForm): boolean {
  switch (actionForm) {
    case 'named':
      return statement.actions.some(mayNameIam);
    case 'wildcard':
      return mayCoverIam(statement);
    case 'notAction':
      return statement.elements.NotAction !== undefined;
    default: {
      const unknown: never = actionForm;
      throw new Error(`unknown action form ${String(unknown)}`);
    }
  }
}

function onManyRoles(statement: Statement, target: RoleAction, resourceForm: ResourceForm): boolean {
  switch (resourceForm) {
    case 'star':
      return resourceStrings(statement)?.includes('*') === true;
    case 'notResource': {
      const not = statement.elements.NotResource;
      // An intrinsic may list anything; a value covering every role's ARN (in its own partition) leaves no role granted.
      return not !== undefined && !holdsIntrinsic(not.value) && !strings(not.value).some((s) => covers(s.value, `arn:${s.value.split(':')[1] || 'aws'}:iam::*:${target.roles}`, false));
    }
    default: {
      const unknown: never = resourceForm;
      throw new Error(`unknown resource form ${String(unknown)}`);
    }
  }
}

export interface RoleGrantRow {
  readonly id: string;
  readonly title: string;
  readonly docs: string;
  readonly target: RoleAction;
  readonly action: ActionForm;
  readonly resource: ResourceForm;
  /** The finding's message, given the text of the node it is on ("iam:*", "NotAction"). */
  readonly message: (text: string) => string;
}

/** One form's check. All are warnings: Access Analyzer's security warnings (PassRole) and general warnings (service-linked roles). */
export function roleGrantCheck(row: RoleGrantRow): RegionCheck {
  return iamCheck({
    id: row.id,
    severity: 'warning',
    title: row.title,
    docs: row.docs,
    perStatement: true,
    run(policy): Report[] {
      const out: Report[] = [];
      // Guardrails (boundaries, SCPs, RCPs) cap access: their broad Allows grant nothing.
      if (!grantsAccess(policy.type.type)) return out;
      candidates(policy).forEach((statement) => {
        for (const node of grantNodes(statement, row.target, row.action, row.resource)) out.push({ range: policy.range(node), message: row.message(String(node.value)) });
      });
      return out;
    },
  });
}

/**
 * The Allow statements that may reach an IAM action on "*" or with
 * NotResource, found once for the twelve checks: in most policies none, so
 * each check walks an empty list instead of every statement.
 */
function candidates(policy: Policy): readonly Statement[] {
  return memo(policy, 'roleGrantCandidates', () =>
    policy.statements.filter((s) => s.effect === 'Allow' && (s.elements.NotResource !== undefined || findString(s.elements.Resource?.value, '*') !== undefined) && (s.elements.NotAction !== undefined || mayCoverIam(s))),
  );
}
