// A data file imported as text (`import(...?raw, { with: { type: 'text' } })`): esbuild's text
// loader bundles it into the app, and Vite (under the tests) reads the `?raw` suffix the same way.
declare module '*?raw' {
  const text: string;
  export default text;
}
