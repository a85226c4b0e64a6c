// Module hook for the Electron TEST DOUBLE: `import … from "electron"` in the built shell resolves
// to electron-double.mjs instead of the npm package (which only names a binary we cannot install).
const DOUBLE_URL = new URL('./electron-double.mjs', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: DOUBLE_URL, shortCircuit: true };
  return nextResolve(specifier, context);
}
