// TypeScript loaded as CommonJS (no "type": "module"): imports compile to require.
import { format } from './format';

type Event = { name?: string };

export const handler = async (event: Event) => {
  const name: string = event.name ?? 'world';
  return { greeting: format(name), dirname: __dirname.endsWith('typescript') };
};
