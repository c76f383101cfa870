/**
 * Blind indexes for searching records on a server that must not read them: keyed HMAC-SHA-256
 * of each normalised name part (Unicode NFKD, marks removed, lowercased: "Peña" and "pena"
 * give the same term), of each part's beginnings of 3 letters or more, of the date of birth and
 * of the day issued. The HMAC key is derived (HKDF) from the key the caller gives, under its
 * own label, so it is never the sealing key. The server can tell that two records share a
 * term, not what the term is; a query is turned into the same terms on the PC.
 */
import { createHmac, hkdfSync } from 'node:crypto';
import { asIsoDate } from './record-fields';

/** The shortest beginning of a name part that finds it (shorter words must be a whole part). */
export const MIN_PREFIX = 3;

/** "Peña-Villanueva" -> ["pena", "villanueva"]: letters and digits only, accents folded, lowercase. */
export function nameParts(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((part) => part !== '');
}

/** One word of a query, as terms: any alternative may match (a date, the name parts, a reference). */
export interface QueryWord {
  /** The word lowercased, for the plain reference prefix. */
  referencePrefix: string;
  /** The terms a date of birth or day issued would have, when the word is a date. */
  dateTerms: Buffer[] | null;
  /** Every one must be among the record's terms (each part of "quennell-ashby"), when the word has letters or digits. */
  nameTerms: Buffer[] | null;
}

export interface BlindIndex {
  /** Every term kept with a record. */
  recordTerms(fields: { patientName: string; dateOfBirth: string; issuedDay: string }): Buffer[];
  /** The query split into words (every one must match). */
  queryWords(query: string): QueryWord[];
  /** A keyed hash of a fixed text: tells whether a PC has the key the records were indexed with. */
  check: string;
}

export function createBlindIndex(key: Uint8Array): BlindIndex {
  const hmacKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'clinic-estimate-packet records blind index', 32));
  const term = (kind: 'name' | 'dob' | 'day', value: string) => createHmac('sha256', hmacKey).update(`${kind}:${value}`, 'utf8').digest();
  return {
    recordTerms({ patientName, dateOfBirth, issuedDay }) {
      const texts = new Set<string>();
      for (const part of nameParts(patientName)) {
        const letters = [...part];
        texts.add(part);
        for (let n = MIN_PREFIX; n < letters.length; n += 1) texts.add(letters.slice(0, n).join(''));
      }
      return [...[...texts].map((t) => term('name', t)), term('dob', dateOfBirth), term('day', issuedDay)];
    },
    queryWords(query) {
      return query
        .trim()
        .split(/\s+/u)
        .filter((w) => w !== '')
        .map((word) => {
          const date = asIsoDate(word);
          const parts = nameParts(word);
          return {
            referencePrefix: word.toLowerCase(),
            dateTerms: date === null ? null : [term('dob', date), term('day', date)],
            nameTerms: parts.length === 0 ? null : parts.map((p) => term('name', p)),
          };
        });
    },
    check: term('name', '\u0000key check').toString('hex'),
  };
}
