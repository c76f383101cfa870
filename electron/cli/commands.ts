/** The headless subcommands, by name. Add a command here (e.g. `packet`) and cli.ts finds it. */
import type { CliCommand } from './cli-types';
import { clinicKeyCommand } from './clinic-key-command';
import { estimateCommand } from './estimate-command';
import { packetCommand } from './packet-command';
import { recordsSetupCommand } from './records-setup-command';

export const commands: Readonly<Record<string, CliCommand>> = {
  estimate: estimateCommand,
  packet: packetCommand,
  'clinic-key': clinicKeyCommand,
  'records-setup': recordsSetupCommand,
};
