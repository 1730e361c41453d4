/** Builders for test policies: a statement list in a 2012-10-17 policy, pretty enough to read in failures. */
export function policy(...statements: string[]): string {
  return `{"Version": "2012-10-17", "Statement": [${statements.join(', ')}]}`;
}

/** A policy kept as a JSON string, as get-bucket-policy prints it. */
export function policyString(policyText: string): string {
  return JSON.stringify({ Policy: policyText });
}

/** `text` as it appears inside a JSON string (quotes escaped). */
export function escaped(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/**
 * A CloudFormation template (`template.yaml`) whose AWS::IAM::ManagedPolicy holds
 * one statement, given as YAML block lines without indentation (`Effect: Allow`...).
 */
export function yamlTemplate(...statementLines: string[]): string {
  const [first, ...rest] = statementLines;
  const statement = [`          - ${first ?? ''}`, ...rest.map((line) => `            ${line}`)].join('\n');
  return `Resources:\n  Policy:\n    Type: AWS::IAM::ManagedPolicy\n    Properties:\n      PolicyDocument:\n        Version: '2012-10-17'\n        Statement:\n${statement}\n`;
}
