/**
 * The patient-education sections of the template, in the template's fixed order, then the
 * questions and answers. Each heading is kept with its first paragraph or bullet.
 */
import type { PacketSection } from './content-schema';
import type { Content } from './pdfmake-types';
import { bullets, heading, paragraph, section } from './layout';
import type { PacketContext } from './packet-context';

function sectionBlocks(ctx: PacketContext, item: PacketSection): Content[] {
  return [
    ...(item.intro === undefined ? [] : [paragraph(item.intro)]),
    ...(item.paragraphs ?? []).map((text) => paragraph(text)),
    ...bullets(item.items, ctx.sizes),
  ];
}

function faqBlocks(ctx: PacketContext): Content[] {
  return ctx.content.faqs.map((faq) => ({
    stack: [
      { text: faq.question, style: 'h3', margin: [0, ctx.sizes.gap * 0.5, 0, ctx.sizes.gap * 0.3] },
      paragraph(faq.answer),
    ],
    unbreakable: true,
  }));
}

export function contentSections(ctx: PacketContext): Content[] {
  const out: Content[] = [];
  ctx.content.sections.forEach((item) => {
    const blocks = item.id === 'faqs' ? [...sectionBlocks(ctx, item), ...faqBlocks(ctx)] : sectionBlocks(ctx, item);
    // Keep the heading with the intro and paragraphs before the first bullet, and that bullet.
    const leading = (item.intro === undefined ? 0 : 1) + (item.paragraphs?.length ?? 0);
    const node = section(heading(item.heading, 'h2'), blocks, Math.min(leading, 2) + 1);
    // The sections follow the estimate on the same page: no page left nearly empty.
    out.push(node);
  });
  return out;
}
