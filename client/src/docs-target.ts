/**
 * Which page of the extension's docs/ a "see the docs" button opens:
 * `lambda-edge#a-whole-request` is docs/lambda-edge.md at that heading.
 * Anything else (a path, an unknown shape) opens README.md, the index.
 */
export interface DocsTarget {
  /** Path inside the extension: `README.md` or `docs/<page>.md`. */
  readonly path: string;
  readonly fragment?: string;
}

const pageTarget = /^([a-z][a-z-]*)(?:#([a-z0-9-]+))?$/;

export function docsTarget(section: unknown): DocsTarget {
  const match = typeof section === 'string' ? pageTarget.exec(section) : null;
  if (!match?.[1]) return { path: 'README.md' };
  return { path: `docs/${match[1]}.md`, ...(match[2] ? { fragment: match[2] } : {}) };
}
