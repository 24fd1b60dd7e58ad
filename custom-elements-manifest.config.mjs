// The custom-elements-manifest analyzer's configuration: which files describe the elements.
// scripts/build-manifest.mjs reads it and writes custom-elements.json (the API tables of the
// docs site's embed page come from that file). `npx cem analyze` reads it too, but that CLI
// also rewrites package.json's "customElements"; prefer `node scripts/build-manifest.mjs`.
export default {
  // The element classes (their JSDoc is the contract) and the files that define their tags.
  globs: ['src/ui/*/*.component.ts', 'src/ui/*/cnn-*.ts'],
  exclude: ['src/ui/*/*.styles.ts', 'src/ui/*/*.model.ts'],
  litelement: true,
  outdir: '.',
};
