// An ES module by its extension; top-level await runs during Init.
const loadedAt = await Promise.resolve(Date.now());

export const handler = async (event) => ({ format: 'esm', moduleUrl: import.meta.url.endsWith('/esm.mjs'), loadedAt: typeof loadedAt, event });
