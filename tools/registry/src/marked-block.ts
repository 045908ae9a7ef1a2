/**
 * Replaces what lies between the line holding `<block>:start` and the line holding `<block>:end`
 * with `content`, keeping both marker lines as written: how a derived part of a hand-written file
 * (a README table, a list in a kustomization) is kept fresh. `file` names the text in errors.
 */
export function replaceMarkedBlock(text: string, block: string, content: string, file: string): string {
  const lines = text.split('\n');
  const find = (marker: string) => {
    const found = lines.flatMap((line, index) => (line.includes(marker) ? [index] : []));
    if (found.length !== 1) throw new Error(`${file} must have exactly one line marking "${marker}", found ${found.length}`);
    return found[0] as number;
  };
  const start = find(`${block}:start`);
  const end = find(`${block}:end`);
  if (end < start) throw new Error(`${file}: "${block}:end" comes before "${block}:start"`);
  return [...lines.slice(0, start + 1), ...content.split('\n'), ...lines.slice(end)].join('\n');
}
