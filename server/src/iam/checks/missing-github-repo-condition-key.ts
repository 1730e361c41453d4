import type { Report } from '../../language/check';
import { conditionsOf } from '../conditions';
import { federatedProviders } from '../principals';
import { analyzerDocs, iamCheck } from '../define';

/** GitHub's token audience is the same for every repository: only `sub` ties the role to yours. */
export const missingGithubRepoConditionKey = iamCheck({
  id: 'MISSING_GITHUB_REPO_CONDITION_KEY',
  severity: 'warning',
  title: 'A role trust policy for GitHub Actions does not restrict the repository (token.actions.githubusercontent.com:sub).',
  docs: analyzerDocs('security-warning-missing-github-repo-condition-key'),
  perStatement: true,
  run(policy): Report[] {
    const out: Report[] = [];
    const conditions = conditionsOf(policy);
    policy.statements.forEach((statement) => {
      if (!statement.elements.Principal) return;
      for (const provider of federatedProviders(statement)) {
        if (provider.host.toLowerCase() !== 'token.actions.githubusercontent.com') continue;
        const hasSub = conditions.some((c) => c.statement === statement && c.name.toLowerCase() === 'token.actions.githubusercontent.com:sub');
        if (hasSub) continue;
        out.push({ range: policy.range(provider.node), message: 'Any GitHub repository\'s workflow can assume this role: add a StringLike condition on token.actions.githubusercontent.com:sub, e.g. "repo:my-org/my-repo:ref:refs/heads/main".' });
      }
    });
    return out;
  },
});
