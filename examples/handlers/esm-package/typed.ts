// TypeScript loaded as an ES module: the import names the .js file TypeScript emits; helper.ts is what exists.
import { shout } from './helper.js';

interface Event {
  readonly name: string;
}

export const handler = async (event: Event): Promise<{ message: string; url: boolean }> => {
  return { message: shout(`hello ${event.name}`), url: import.meta.url.endsWith('/typed.ts') };
};

export const fails = async (): Promise<never> => {
  throw new RangeError('thrown from TypeScript');
};
