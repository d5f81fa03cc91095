/** The lengths of the texts JSON.parse is given while `work` runs. */
export function jsonParseInputs(work: () => void): number[] {
  const lengths: number[] = [];
  const native = JSON.parse;
  JSON.parse = (source: string, reviver?: Parameters<typeof JSON.parse>[1]) => (lengths.push(source.length), native(source, reviver));
  try {
    work();
  } finally {
    JSON.parse = native;
  }
  return lengths;
}
