export const format = (name: string): string => `Hello, ${name}`;
