import { defineDocumentCheck, type Report } from '../check';

/**
 * YAML syntax, reported once per problem where the parser found it. Only in
 * files that hold one of our documents: other YAML (workflows, manifests) is
 * the YAML extension's business, not ours.
 */
export const yamlSyntax = defineDocumentCheck({
  id: 'yaml.syntax',
  scope: 'document',
  severity: 'error',
  title: 'The text is not valid YAML, or holds what CloudFormation cannot read.',
  docs: 'https://yaml.org/spec/1.2.2/',
  *run({ document, classification }): Iterable<Report> {
    if (document.format !== 'yaml' || classification.regions.length === 0) return;
    const reported = new Set<number>();
    for (const problem of document.syntaxProblems) {
      if (reported.has(problem.offset)) continue;
      reported.add(problem.offset);
      yield { range: { offset: problem.offset, length: problem.length }, message: sentence(problem.message ?? problem.code) };
    }
  },
});

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
