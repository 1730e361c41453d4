// An ES module because the nearest package.json says "type": "module".
export async function handler(event) {
  return { format: 'esm-by-package', isModule: typeof require === 'undefined', event };
}
