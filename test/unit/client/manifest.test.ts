import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { walkthroughStep, walkthroughSteps } from '../../../client/src/walkthrough/steps';
import { repositoryRoot } from '../../../tools/docs/generate';

interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    walkthroughs: { id: string; title: string; steps: { id: string; title: string; description: string; media: { markdown?: string }; completionEvents?: string[] }[] }[];
  };
}

const root = repositoryRoot();
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Manifest;
/** Names that keep their own case inside a sentence-case title. */
const properNames = new Set(['ALB', 'AWS', 'CloudFront', 'IAM', 'Lambda', 'Lambda@Edge', 'URL']);

/** Why a title is not in sentence case, or undefined when it is. */
function sentenceCaseProblem(title: string): string | undefined {
  const words = title.replace(/^\$\([a-z-]+\) /, '').replace(/ \(.*\)$/, '').split(' ');
  if (!/^[A-Z]/.test(words[0] ?? '')) return `"${title}" should start with a capital`;
  const shouting = words.slice(1).find((w) => /^[A-Z]/.test(w) && !properNames.has(w));
  return shouting ? `"${title}": "${shouting}" should be lower case (sentence case; proper names excepted)` : undefined;
}

describe('manifest: command titles', () => {
  const cases: [string, boolean][] = [
    ['Invoke handler', true],
    ['Simulate request through ALB', true],
    ['Simulate CloudFront request', true],
    ['New Lambda@Edge event', true],
    ['Start local function URL', true],
    ['Invoke Handler', false],
    ['Simulate CloudFront Request', false],
    ['open documentation', false],
  ];
  for (const [title, ok] of cases) it(`"${title}" is ${ok ? '' : 'not '}sentence case`, () => assert.equal(sentenceCaseProblem(title) === undefined, ok));

  it('every command is in the Lambda Workbench category, in sentence case', () => {
    for (const c of manifest.contributes.commands) {
      assert.equal(c.category, 'Lambda Workbench', c.command);
      assert.equal(sentenceCaseProblem(c.title), undefined);
    }
  });

  it('keeps the product names exactly', () => {
    const titles = new Map(manifest.contributes.commands.map((c) => [c.command, c.title]));
    assert.equal(titles.get('lambdaWorkbench.invokeHandler'), 'Invoke handler');
    assert.equal(titles.get('lambdaWorkbench.simulateAlb'), 'Simulate request through ALB');
    assert.equal(titles.get('lambdaWorkbench.simulateIam'), 'Simulate IAM request');
  });

  it('code lens titles are in the same case', () => {
    const lensTitles = ['client/src/runtime/handler-lens.ts', 'client/src/alb/code-lens.ts', 'client/src/iam/statement-lens.ts'].flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/new vscode\.CodeLens\([^{]*\{ title: '([^']+)'/g)].map((m) => m[1] ?? ''),
    );
    assert.ok(lensTitles.length >= 4);
    for (const title of lensTitles) assert.equal(sentenceCaseProblem(title), undefined);
  });

  it('package.json contributes exactly the commands the client registers', () => {
    const table = readFileSync(join(root, 'client/src/commands.ts'), 'utf8');
    const registered = [...table.matchAll(/^ {2}(\w+): \(context\)|^ {2}(\w+): \(\) =>/gm)].map((m) => `lambdaWorkbench.${m[1] ?? m[2]}`).sort();
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), registered);
  });
});

describe('manifest: the walkthrough', () => {
  const walkthrough = manifest.contributes.walkthroughs[0];

  it('has the four required steps, in order, and each is a step the client knows', () => {
    assert.ok(walkthrough);
    const ids = walkthrough.steps.map((s) => s.id);
    assert.deepEqual(ids.slice(0, 4), ['check-policy', 'invoke-handler', 'simulate-alb', 'debug-handler']);
    for (const id of ids) assert.ok(walkthroughStep(id), id);
  });

  for (const step of walkthroughSteps) {
    it(`step ${step.id}: its link runs it, its media and examples exist`, () => {
      const contributed = walkthrough?.steps.find((s) => s.id === step.id);
      assert.ok(contributed, `package.json has no walkthrough step ${step.id}`);
      const link = /\(command:lambdaWorkbench\.tryExample\?([^)]+)\)/.exec(contributed.description);
      assert.ok(link?.[1], `${step.id}: no tryExample link in its description`);
      assert.deepEqual(JSON.parse(decodeURIComponent(link[1])), [step.id]);
      assert.ok(contributed.media.markdown && existsSync(join(root, contributed.media.markdown)), `${step.id}: media ${contributed.media.markdown}`);
      const files = [step.example, ...(step.run.kind === 'handler' ? [step.run.event] : []), ...(step.run.kind === 'cloudfront' ? [step.run.config] : [])];
      for (const file of files) assert.ok(existsSync(join(root, 'examples', file)), `examples/${file}`);
      const events = contributed.completionEvents ?? [];
      assert.equal(events.length, 1);
    });
  }
});
