/**
 * What the packet text says: plain language (Flesch-Kincaid grade 8 or below for each
 * English section), the corrections DOMAIN.md section 4 asks of the seed, and a complete
 * Spanish translation marked for review.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import readability from 'text-readability';
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceNameFor, type ContentLanguage, type PacketContent } from '../../core/packet/content-schema';
import { loadPacketContent } from './content-loader';

const templatesDir = resolve(import.meta.dirname, '../../templates');
const maxGrade = 8;

async function load(language: ContentLanguage): Promise<PacketContent> {
  const result = await loadPacketContent(templatesDir, 'vertebroplasty-lumbar', language);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** Every string in a value, with its dotted path. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => strings(item, `${path}.${index}`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => strings(item, path === '' ? key : `${path}.${key}`));
  }
  return [];
}

/** What the patient reads: everything but the review notes and the change log. */
function patientText(content: PacketContent): string {
  const { changes, reviewStatus, ...printed } = content;
  void changes;
  void reviewStatus;
  return strings(printed)
    .map(([, text]) => text)
    .join('\n');
}

/** The readable blocks of a template: one per section, the FAQs, the consent, the GFE. */
function readableBlocks(content: PacketContent): [string, string][] {
  const sections = content.sections
    .filter((section) => section.id !== 'faqs')
    .map((section): [string, string] => [
      section.id,
      [section.intro ?? '', ...section.items, ...(section.paragraphs ?? [])].filter((t) => t !== '').join(' '),
    ]);
  const { consent } = content;
  const consentText = [
    consent.intro,
    consent.procedure,
    ...consent.risks,
    ...consent.benefits,
    ...consent.alternatives.flatMap((alt) => [`${alt.name}.`, alt.benefits, alt.risks]),
    consent.riskOfDoingNothing,
    ...consent.statementsToInitial,
    consent.interpreterStatement,
  ];
  const faqs = content.faqs.flatMap((faq) => [faq.question, faq.answer]);
  const goodFaith = Object.values(content.labels.goodFaith);
  return [...sections, ['faqs', faqs.join(' ')], ['consent', consentText.join(' ')], ['good-faith', goodFaith.join(' ')]];
}

/** Common English words that must not be left in a Spanish template. */
const englishWords = [' the ', ' and ', ' your ', ' you ', ' procedure', ' with ', ' will ', ' this ', ' doctor', ' pain', ' bone', ' please ', ' may ', ' not '];

function englishLeftovers(content: PacketContent): string[] {
  return strings(content).flatMap(([path, text]) => {
    const padded = ` ${text.toLowerCase().replace(/[.,;:()¿?¡!"]/g, ' ')} `;
    return englishWords.filter((word) => padded.includes(word)).map((word) => `${path}: "${word.trim()}"`);
  });
}

let en: PacketContent;
let es: PacketContent;
beforeAll(async () => {
  [en, es] = await Promise.all([load('en'), load('es')]);
});

describe('English readability', () => {
  it('the measure can fail: dense clinical prose scores above grade 8', () => {
    const dense =
      'Percutaneous vertebroplasty constitutes a minimally invasive intervention whereby polymethylmethacrylate is injected into osteoporotic vertebral compression fractures under fluoroscopic guidance.';
    expect(readability.fleschKincaidGrade(dense)).toBeGreaterThan(maxGrade);
  });

  it(`every section, the FAQs, the consent and the Good Faith Estimate read at grade ${maxGrade} or below`, () => {
    const grades = readableBlocks(en).map(([id, text]) => ({ id, grade: readability.fleschKincaidGrade(text) }));
    expect(grades).toHaveLength(16);
    const tooHard = grades.filter((entry) => entry.grade > maxGrade);
    expect(tooHard).toEqual([]);
  });
});

describe('English corrections to the seed (DOMAIN.md section 4)', () => {
  it('says about an hour, lying flat for a few hours, home the same day', () => {
    const text = patientText(en);
    expect(text).toContain('about an hour');
    expect(text).not.toMatch(/1 to 2 hours/i);
    expect(text).toMatch(/lie flat[^.]*few hours/i);
    expect(text).toMatch(/home the same day/i);
  });

  it('has no incision to close: a needle puncture under a small bandage', () => {
    const text = patientText(en);
    expect(text).not.toMatch(/incision/i);
    expect(text).toMatch(/small bandage/i);
  });

  it('prepares for blood thinners, aspirin, NSAIDs, fasting and a driver', () => {
    const preparation = strings(en.sections.find((s) => s.id === 'preparation')).map(([, t]) => t).join(' ');
    for (const phrase of [/blood thinner/i, /aspirin/i, /NSAIDs/, /not eat or drink/i, /drive you home/i]) {
      expect(preparation).toMatch(phrase);
    }
  });

  it('names cement leaks, nerve injury, a flare of pain and new nearby fractures', () => {
    const risks = strings(en.sections.find((s) => s.id === 'complications')).map(([, t]) => t).join(' ');
    for (const phrase of [/cement[^.]*leaks/i, /nerve/i, /lungs/i, /nerve injury/i, /flare of pain/i, /new breaks in nearby/i]) {
      expect(risks).toMatch(phrase);
    }
    expect(en.consent.seriousRisks.join(' ')).toMatch(/leak out of the bone[^.]*\. Rarely, it reaches the spinal canal[^.]*lungs\. This is serious/);
    expect(en.consent.seriousRisks.join(' ')).toMatch(/break a rib/);
  });

  it('promises no relief rate and says results vary', () => {
    const text = patientText(en);
    expect(text).not.toMatch(/\d\s*%|percent|guarantee|success rate|of patients/i);
    expect(text).toMatch(/results vary/i);
    expect(text).toMatch(/sham/i);
  });

  it('keeps billing codes and modifiers out of the patient text', () => {
    for (const content of [en, es]) {
      const text = patientText(content);
      expect(text).not.toContain('22371');
      expect(text).not.toMatch(/modifier|modificador/i);
    }
  });

  it('records what changed from the seed, why, and the sources', () => {
    const log = strings(en.changes).map(([, t]) => t).join('\n');
    for (const source of ['northshore.org', 'radiologyinfo.org', 'DOMAIN.md section 1', 'Sham-controlled']) {
      expect(log).toContain(source);
    }
    expect(es.changes).toHaveLength(en.changes.length);
  });
});

describe('service names', () => {
  interface FeeLine {
    code: string;
    provider: string;
    description: string;
  }
  const fees = JSON.parse(readFileSync(join(templatesDir, 'vertebroplasty-lumbar', 'fee-schedule.json'), 'utf8')) as {
    lines: FeeLine[];
    separatelyScheduled: FeeLine[];
  };

  it('names every fee-schedule line in each language, never falling back to the engine text', () => {
    const lines = [...fees.lines, ...fees.separatelyScheduled];
    expect(lines.length).toBeGreaterThan(5);
    for (const content of [en, es]) {
      const fallbacks = lines.filter((line) => serviceNameFor(content, line) === line.description);
      expect(fallbacks.map((line) => `${content.language} ${line.provider}:${line.code}`)).toEqual([]);
    }
    expect(serviceNameFor(es, { code: '22511', provider: 'facility', description: '' })).toMatch(/^Cargo del centro/);
  });
});

describe('Spanish translation', () => {
  it('the leftover check can fail: it finds English words', () => {
    const mixed = structuredClone(es);
    mixed.faqs[0] = { question: '¿Qué es?', answer: 'The doctor fills the bone with cement.' };
    expect(englishLeftovers(mixed)).toEqual([
      'faqs.0.answer: "the"',
      'faqs.0.answer: "with"',
      'faqs.0.answer: "doctor"',
      'faqs.0.answer: "bone"',
    ]);
  });

  it('leaves no English text', () => {
    expect(englishLeftovers(es)).toEqual([]);
  });

  it('is marked for a qualified medical translator, with a printable notice', () => {
    expect(es.reviewStatus.needsTranslatorReview).toBe(true);
    expect(es.reviewStatus.note).toMatch(/traductor médico calificado/);
    expect(es.labels.document.translationNotice).toMatch(/traductor médico calificado/);
    expect(en.reviewStatus.needsTranslatorReview).toBe(false);
  });

  it('translates every item, FAQ, consent line and service name of the English template', () => {
    expect(es.sections.map((s) => [s.id, s.items.length, s.paragraphs?.length ?? 0])).toEqual(
      en.sections.map((s) => [s.id, s.items.length, s.paragraphs?.length ?? 0]),
    );
    expect(es.faqs).toHaveLength(en.faqs.length);
    expect(es.consent.risks).toHaveLength(en.consent.risks.length);
    expect(es.consent.alternatives).toHaveLength(en.consent.alternatives.length);
    expect(es.consent.statementsToInitial).toHaveLength(en.consent.statementsToInitial.length);
    expect(Object.keys(es.serviceNames).sort()).toEqual(Object.keys(en.serviceNames).sort());
  });

  it('uses Spanish punctuation and accents, and carries the same corrections', () => {
    const text = patientText(es);
    for (const mark of ['¿', 'á', 'é', 'í', 'ó', 'ú', 'ñ']) expect(text).toContain(mark);
    expect(es.faqs.every((faq) => faq.question.startsWith('¿') && faq.question.endsWith('?'))).toBe(true);
    expect(text).toContain('alrededor de una hora');
    expect(text).not.toMatch(/incisión/i);
    expect(text).toMatch(/anticoagulante/);
    expect(text).toMatch(/cemento que se sale del hueso/i);
    expect(text).toMatch(/Página \{page\} de \{pages\}/);
    expect(text).not.toMatch(/\d\s*%|garantiza/i);
  });
});
