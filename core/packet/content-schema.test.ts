import { describe, expect, it } from 'vitest';
import english from '../../templates/vertebroplasty-lumbar/content.en.json';
import { fillLabel, parsePacketContent, sectionIds, serviceNameFor } from './content-schema';

/** A deep copy of the English template to break in one place. */
function copyOfEnglish(): Record<string, unknown> & { sections: Record<string, unknown>[] } {
  return structuredClone(english) as unknown as Record<string, unknown> & { sections: Record<string, unknown>[] };
}

function messagesOf(data: unknown, label = 'content.en.json'): string[] {
  const result = parsePacketContent(data, label);
  return result.ok ? [] : result.issues.map((issue) => issue.message);
}

describe('parsePacketContent', () => {
  it('accepts the English template and keeps the section order', () => {
    const result = parsePacketContent(english, 'content.en.json');
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.sections.map((s) => s.id)).toEqual([...sectionIds]);
  });

  it('names the file and the field of a missing section heading', () => {
    const data = copyOfEnglish();
    delete data.sections[3]?.heading;
    const result = parsePacketContent(data, 'content.es.json');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toContainEqual({
        path: 'sections.3.heading',
        message: 'content.es.json: sections.3.heading: Required',
      });
    }
  });

  it('names a missing label group field', () => {
    const data = copyOfEnglish();
    const labels = data.labels as { goodFaith: Record<string, unknown> };
    delete labels.goodFaith.disclaimerDisputeRight;
    expect(messagesOf(data)).toEqual(['content.en.json: labels.goodFaith.disclaimerDisputeRight: Required']);
  });

  it('rejects blank text and unknown fields', () => {
    const data = copyOfEnglish();
    data.title = '   ';
    data.extra = 'x';
    const messages = messagesOf(data);
    expect(messages).toContain('content.en.json: title: Must not be blank');
    expect(messages.some((m) => m.includes('Unrecognized key') && m.includes('extra'))).toBe(true);
  });

  it('rejects sections out of order, missing or extra', () => {
    const swapped = copyOfEnglish();
    const [first, second] = swapped.sections;
    if (!first || !second) throw new Error('template has too few sections');
    swapped.sections[0] = second;
    swapped.sections[1] = first;
    expect(messagesOf(swapped)).toContain('content.en.json: sections.0.id: Expected section "overview" here');

    const missing = copyOfEnglish();
    missing.sections.pop();
    expect(messagesOf(missing)).toContain('content.en.json: sections.13.id: Expected section "faqs" here');

    const extra = copyOfEnglish();
    extra.sections.push({ id: 'overview', heading: 'Again', items: ['One more.'] });
    expect(messagesOf(extra)).toContain('content.en.json: sections.14: Unexpected extra section');
  });

  it('rejects a section with neither items nor paragraphs', () => {
    const data = copyOfEnglish();
    data.sections[1] = { id: 'when-used', heading: 'When is it used?', items: [] };
    expect(messagesOf(data)).toContain('content.en.json: sections.1.items: A section needs items or paragraphs');
  });

  it('requires a printable translation notice when the translation needs review', () => {
    const data = copyOfEnglish();
    data.reviewStatus = { needsTranslatorReview: true, note: 'Machine draft' };
    expect(messagesOf(data)).toEqual([
      'content.en.json: labels.document.translationNotice: Required when the translation needs review',
    ]);
  });

  it('reports a wrong language and a non-object input', () => {
    const data = copyOfEnglish();
    data.language = 'fr';
    expect(messagesOf(data)).toEqual(['content.en.json: language: Must be "en" or "es"']);
    expect(messagesOf(null)).toEqual(['content.en.json: (file): Expected an object']);
  });
});

describe('fillLabel', () => {
  it('fills known placeholders and leaves unknown ones', () => {
    expect(fillLabel('Page {page} of {pages}', { page: 2, pages: 9 })).toBe('Page 2 of 9');
    expect(fillLabel('Página {page} de {pages}', { page: 1 })).toBe('Página 1 de {pages}');
  });
});

describe('serviceNameFor', () => {
  const content = { serviceNames: { '22511': 'Vertebroplasty', 'facility:22511': 'Facility fee' } };
  it('prefers provider:code, then code, then the engine description', () => {
    expect(serviceNameFor(content, { code: '22511', provider: 'facility', description: 'x' })).toBe('Facility fee');
    expect(serviceNameFor(content, { code: '22511', provider: 'physician', description: 'x' })).toBe('Vertebroplasty');
    expect(serviceNameFor(content, { code: '99999', provider: 'physician', description: 'Engine text' })).toBe('Engine text');
  });

  it('rejects a malformed key', () => {
    const data = copyOfEnglish();
    data.serviceNames = { 'clinic:22511': 'x' };
    expect(messagesOf(data).some((m) => m.startsWith('content.en.json: serviceNames'))).toBe(true);
  });
});
