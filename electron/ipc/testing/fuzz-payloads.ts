/**
 * For ipc-fuzz.test.ts: hostile IPC payloads (arbitrary JSON, `__proto__` and `constructor`
 * keys as JSON.parse and structured clone deliver them, deep nesting, huge strings, numbers
 * JSON cannot carry) and near-valid ones (a valid request with one part replaced, set to
 * undefined, removed or given a `__proto__` key), which reach past the schema into the handlers.
 */
import fc from 'fast-check';

/** Bigger than any string field the contract allows (the config text's 2,000,000). */
export const HUGE = 'x'.repeat(2_100_000);

/** `{"__proto__": value, "constructor": {"prototype": {...}}}` as own keys, the way IPC delivers them. */
export function withProtoKeys(value: unknown): Record<string, unknown> {
  const text = JSON.stringify(value ?? null);
  return JSON.parse(`{"__proto__": ${text}, "constructor": {"prototype": {"polluted": ${text}}}, "polluted": ${text}}`) as Record<string, unknown>;
}

function nested(depth: number, asArray: boolean): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value };
  return value;
}

const oddValues = fc.constantFrom<unknown>(undefined, null, Number.NaN, Number.POSITIVE_INFINITY, -0, -1, 1e308, Number.MAX_SAFE_INTEGER, 0.1, '', ' ', '-0', true, [], {}, HUGE);

/** Small hostile values, to put inside a valid request. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  oddValues,
  fc.jsonValue({ maxDepth: 2 }),
  fc.string({ maxLength: 40 }),
  fc.double(),
  fc.jsonValue({ maxDepth: 1 }).map(withProtoKeys),
  fc.integer({ min: 50, max: 3_000 }).map((depth) => nested(depth, depth % 2 === 0)),
);

/** Whole payloads with no relation to the channel's request. */
export const hostilePayload: fc.Arbitrary<unknown> = fc.oneof(
  hostileValue,
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom('text', 'query', 'id', 'rateYear', 'bills', 'patient', 'coverage', 'clinic', 'feeOverrides', '__proto__'), hostileValue, { maxKeys: 4 }),
  fc.integer({ min: 10_000, max: 50_000 }).map((depth) => nested(depth, depth % 2 === 0)),
);

type Json = Record<string, unknown> | unknown[];
const isContainer = (v: unknown): v is Json => typeof v === 'object' && v !== null;

/** Every container in a value, outermost first (the places a mutation can happen). */
function containers(value: unknown): Json[] {
  if (!isContainer(value)) return [];
  return [value, ...Object.values(value).flatMap(containers)];
}

/** A deep copy of `base` with one container changed: a key set to a hostile value, removed, or given `__proto__` keys. */
export function nearValid(base: unknown): fc.Arbitrary<unknown> {
  return fc
    .record({ at: fc.nat(), key: fc.nat(), mode: fc.constantFrom('set', 'undefined', 'delete', 'proto', 'new-key'), value: hostileValue })
    .map(({ at, key, mode, value }) => {
      const copy = structuredClone(base);
      const places = containers(copy);
      const place = places[at % Math.max(places.length, 1)];
      if (place === undefined) return value;
      const keys = Object.keys(place);
      const name = keys[key % Math.max(keys.length, 1)] ?? 'extra';
      const target = place as Record<string, unknown>;
      if (mode === 'set') target[name] = value;
      // IPC's structured clone keeps a key whose value is undefined; JSON would drop it.
      else if (mode === 'undefined') target[name] = undefined;
      else if (mode === 'delete') Reflect.deleteProperty(target, name);
      else if (mode === 'new-key') target['unexpected'] = value;
      else for (const [k, v] of Object.entries(withProtoKeys(value))) Object.defineProperty(place, k, { value: v, enumerable: true, writable: true, configurable: true });
      return copy;
    });
}
