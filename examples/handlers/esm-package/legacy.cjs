// CommonJS by its .cjs extension, inside a "type": "module" package.
exports.handler = async (event) => ({ format: 'cjs-by-extension', isCommonJs: typeof require === 'function' && typeof module === 'object', event });
