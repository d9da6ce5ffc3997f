// Data sets whose data travels beside the WebAssembly module (digits, in descent-digits.mjs) are
// loaded into it before an experiment uses them, once per module; the others need nothing. An
// unknown type is left to createExperiment, whose error names the field.
export async function loadDatasetOf(descent, spec) {
  const type = spec?.dataset?.type;
  if (typeof type !== 'string' || typeof descent.loadDataset !== 'function') return; // an older module has them all inside
  const info = descent.listDatasets().find((d) => d.type === type);
  if (info?.needsLoading) await descent.loadDataset(type);
}
