/**
 * `clinic-key --out <file>`: makes the clinic key once (services/records/clinic-key.ts) and
 * prints only its key id, so IT can check that every PC holds the same key. Never writes over
 * a file: one that exists exits 2 and is left as it was.
 */
import { ClinicKeyError, createClinicKey } from '../services/records/clinic-key';
import { EXIT_INPUT, EXIT_OK, type CliCommand } from './cli-types';

const USAGE = 'Give the new key file as --out <file>, for example: npm run --silent clinic-key -- --out clinic.key';

export function parseClinicKeyArgs(args: readonly string[]): { ok: true; out: string } | { ok: false; message: string } {
  const [flag, out, ...rest] = args;
  if (flag !== '--out' || out === undefined || out.startsWith('--') || rest.length > 0) return { ok: false, message: USAGE };
  return { ok: true, out };
}

export const clinicKeyCommand: CliCommand = {
  usage: 'clinic-key --out <file>',
  async run(args, { io }) {
    const parsed = parseClinicKeyArgs(args);
    if (!parsed.ok) {
      io.stderr(`${parsed.message}\n`);
      return EXIT_INPUT;
    }
    try {
      const { keyId } = await createClinicKey(parsed.out);
      io.stdout(`${keyId}\n`);
      return EXIT_OK;
    } catch (error) {
      if (!(error instanceof ClinicKeyError)) throw error;
      io.stderr(`${error.message}\n`);
      return EXIT_INPUT;
    }
  },
};
