/**
 * Loads packet content templates (`templates/<procedureId>/content.<lang>.json`) and
 * validates them against core/packet/content-schema.ts. Plain Node: no electron import.
 * A bad template fails with `invalid-input` and issues naming its file and field.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  contentLanguages,
  parsePacketContent,
  type ContentLanguage,
  type PacketContent,
} from '../../core/packet/content-schema';
import { fail, ok, type FieldIssue, type Result } from '../../core/result';

export interface ContentTemplateRef {
  procedureId: string;
  language: ContentLanguage;
  /** Absolute path of the JSON file. */
  file: string;
}

const procedureIdPattern = /^[a-z0-9][a-z0-9-]*$/;

/** `<procedure-id>/content.es.json`: how messages name a template file. */
export function contentFileLabel(procedureId: string, language: ContentLanguage): string {
  return `${procedureId}/content.${language}.json`;
}

function fileIssue(label: string, message: string): FieldIssue {
  return { path: '(file)', message: `${label}: ${message}` };
}

function invalid(label: string, issues: FieldIssue[]): Result<never> {
  const summary = issues.map((issue) => issue.message).join('; ');
  return fail('invalid-input', `The packet template ${label} is not valid: ${summary}`, issues);
}

export async function loadPacketContent(
  templatesDir: string,
  procedureId: string,
  language: ContentLanguage,
): Promise<Result<PacketContent>> {
  if (!procedureIdPattern.test(procedureId)) {
    return fail('invalid-input', `Unknown procedure "${procedureId}"`, [
      { path: 'procedureId', message: 'Must be lower-case letters, digits and dashes' },
    ]);
  }
  const label = contentFileLabel(procedureId, language);
  let raw: string;
  try {
    raw = await readFile(join(templatesDir, procedureId, `content.${language}.json`), 'utf8');
  } catch {
    return fail('not-found', `No packet template ${label}`, [fileIssue(label, 'File not found')]);
  }

  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'unreadable';
    return invalid(label, [fileIssue(label, `Not valid JSON (${reason})`)]);
  }

  const parsed = parsePacketContent(data, label);
  if (!parsed.ok) return invalid(label, parsed.issues);

  const mismatches: FieldIssue[] = [];
  if (parsed.value.language !== language) {
    mismatches.push({ path: 'language', message: `${label}: language: Expected "${language}" to match the file name` });
  }
  if (parsed.value.procedureId !== procedureId) {
    mismatches.push({
      path: 'procedureId',
      message: `${label}: procedureId: Expected "${procedureId}" to match the folder name`,
    });
  }
  return mismatches.length > 0 ? invalid(label, mismatches) : ok(parsed.value);
}

/** Every `content.<lang>.json` under every procedure folder, sorted (for tests and checks). */
export async function listContentTemplates(templatesDir: string): Promise<ContentTemplateRef[]> {
  const folders = await readdir(templatesDir, { withFileTypes: true });
  const refs: ContentTemplateRef[] = [];
  for (const folder of folders) {
    if (!folder.isDirectory() || !procedureIdPattern.test(folder.name)) continue;
    const files = new Set(await readdir(join(templatesDir, folder.name)));
    for (const language of contentLanguages) {
      const name = `content.${language}.json`;
      if (files.has(name)) {
        refs.push({ procedureId: folder.name, language, file: join(templatesDir, folder.name, name) });
      }
    }
  }
  return refs.sort((a, b) => a.file.localeCompare(b.file));
}
