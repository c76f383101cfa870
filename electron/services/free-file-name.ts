/**
 * The name a save suggests: the packet's own name, or, when a file there has it already (the
 * same patient saved twice on one day), `<name>-2.pdf`, then -3, ... Busy staff click Replace
 * in the save dialog; a free name keeps the first packet. Pure: `taken` says whether a name is used.
 */
const MAX_NUMBER = 999;

export function freeFileName(name: string, taken: (candidate: string) => boolean): string {
  if (!taken(name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; n <= MAX_NUMBER; n += 1) {
    const candidate = `${stem}-${n}${extension}`;
    if (!taken(candidate)) return candidate;
  }
  return name;
}
