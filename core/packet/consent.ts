/**
 * The informed consent pages: the procedure, its risks and benefits, the alternatives with
 * theirs, the risk of doing nothing, statements to initial, who answered questions, and
 * signature lines with real room to sign: patient or representative, physician, witness,
 * and an interpreter when the packet is not in English.
 */
import type { Content, StackNode } from './pdfmake-types';
import { bullets, heading, keepWithNext, paragraph } from './layout';
import type { PacketContext } from './packet-context';
import { fillLabel } from './content-schema';
import { serviceName } from './estimate-section';
import { colors } from './styles';

/** A writing line with its caption below; `width` in points. */
function writeLine(ctx: PacketContext, caption: string, width: number): Content {
  const room = ctx.sizes.signatureRoom;
  return {
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: room, x2: width, y2: room, lineWidth: 0.8, lineColor: colors.text }] },
      { text: caption, style: 'small', margin: [0, 3, 0, 0] },
    ],
    width,
  };
}

/** Lines side by side, sharing the text width; weights say how wide each one is. */
function lineRow(ctx: PacketContext, captions: readonly (readonly [string, number])[]): Content {
  const gap = ctx.sizes.gap * 2.5;
  const total = captions.reduce((sum, [, weight]) => sum + weight, 0);
  const free = ctx.contentWidth - gap * (captions.length - 1);
  return {
    columns: captions.map(([caption, weight]) => writeLine(ctx, caption, Math.floor((free * weight) / total))),
    columnGap: gap,
    margin: [0, 0, 0, ctx.sizes.gap],
  };
}

/** `before`: text above the lines (the interpreter's statement); `after`: lines below them. */
function signatureBlock(ctx: PacketContext, title: string, before: Content[] = [], after: Content[] = []): StackNode {
  const c = ctx.labels.consent;
  const large = ctx.largePrint;
  const rows: Content[] = large
    ? [lineRow(ctx, [[c.signature, 1]]), lineRow(ctx, [[c.printedName, 3], [c.date, 2]])]
    : [lineRow(ctx, [[c.signature, 5], [c.date, 2], [c.time, 1.4]]), lineRow(ctx, [[c.printedName, 1]])];
  return {
    stack: [{ text: title, style: 'h3', margin: [0, ctx.sizes.gap * 1.5, 0, 0] }, ...before, ...rows, ...after],
    unbreakable: true,
  };
}

function initialsStatement(ctx: PacketContext, statement: string): Content {
  const box = ctx.sizes.initialsBox;
  return {
    columns: [
      { canvas: [{ type: 'rect', x: 0, y: 0, w: box, h: box, lineWidth: 0.8, lineColor: colors.text }], width: box + 4 },
      { text: statement, style: 'body', width: '*', margin: [ctx.sizes.gap, 2, 0, 0] },
    ],
    margin: [0, 0, 0, ctx.sizes.gap],
    unbreakable: true,
  };
}

/**
 * What is planned for this patient, from the case: the levels, the sedation chosen, what the
 * procedure's code already includes (the estimate's included lines: the bone biopsy, the
 * imaging guidance), then the doctor (a line to write the name on when none was chosen).
 */
function plannedProcedure(ctx: PacketContext): Content[] {
  const consent = ctx.content.consent;
  const levels = ctx.caseData.procedure.levels;
  const levelText = levels === 1 ? consent.levelsOne : fillLabel(consent.levelsMany, { count: levels });
  const included = ctx.estimate.lines.filter((l) => l.included).map((l) => serviceName(ctx, l));
  const sentences = [fillLabel(consent.procedure, { levels: levelText })];
  if (included.length > 0) sentences.push(fillLabel(consent.includedWith, { items: included.join('; ') }));
  sentences.push(consent.sedation[ctx.caseData.procedure.sedation]);
  const doctor = ctx.caseData.doctor?.trim();
  return [
    paragraph(sentences.join(' ')),
    doctor ? paragraph(fillLabel(consent.doctor, { doctor }), { bold: true }) : lineRow(ctx, [[ctx.labels.consent.doctorToBeNamed, 1]]),
  ];
}

export function consentPages(ctx: PacketContext): Content[] {
  const c = ctx.labels.consent;
  const consent = ctx.content.consent;
  const { sizes } = ctx;
  const sedation = ctx.caseData.procedure.sedation;
  const [lastStatement, ...firstStatements] = [...consent.statementsToInitial].reverse();
  const statements = [...firstStatements.reverse(), consent.sedationStatement[sedation], ...(lastStatement === undefined ? [] : [lastStatement])];
  const [plan, doctorLine] = plannedProcedure(ctx);
  const parts: Content[] = [
    { stack: [heading(c.heading, 'h1'), paragraph(consent.intro)], pageBreak: 'before', unbreakable: true },
    keepWithNext(heading(c.procedure, 'h3'), plan, doctorLine === undefined ? [] : [doctorLine]),
    keepWithNext(heading(c.risks, 'h2'), { text: c.seriousRisks, style: 'h3', margin: [0, 0, 0, sizes.gap * 0.4] }, [
      { stack: bullets(consent.seriousRisks, sizes), bold: true },
    ]),
    ...sectionOfBullets(ctx, c.otherRisks, consent.risks),
    ...sectionOfBullets(ctx, c.sedationRisks, consent.sedationRisks[sedation]),
    ...sectionOfBullets(ctx, c.benefits, consent.benefits),
    headedList(
      heading(c.alternatives, 'h3'),
      consent.alternatives.map((alt) => ({
        stack: [
          { text: alt.name, bold: true, margin: [0, 0, 0, 2] },
          { text: [{ text: `${c.benefits}: `, bold: true }, alt.benefits], style: 'body', margin: [sizes.body, 0, 0, 2] },
          { text: [{ text: `${c.risks}: `, bold: true }, alt.risks], style: 'body', margin: [sizes.body, 0, 0, sizes.gap] },
        ],
        unbreakable: true,
      })),
    ),
    keepWithNext(heading(c.riskOfDoingNothing, 'h3'), paragraph(consent.riskOfDoingNothing)),
    keepWithNext(heading(c.questions, 'h3'), lineRow(ctx, [[c.questionsAnsweredBy, 1]])),
    headedList(heading(c.initialEach, 'h3'), statements.map((s) => initialsStatement(ctx, s))),
    {
      stack: [heading(c.signatureHeading, 'h2'), signatureBlock(ctx, c.patientOrRepresentative, [], [lineRow(ctx, [[c.representativeRelationship, 1]])])],
      unbreakable: true,
    },
    signatureBlock(ctx, c.physician),
    signatureBlock(ctx, c.witness),
  ];
  if (ctx.language !== 'en') {
    parts.push(
      signatureBlock(
        ctx,
        c.interpreter,
        [paragraph(consent.interpreterStatement, { margin: [0, sizes.gap * 0.5, 0, 0] })],
        [lineRow(ctx, [[c.interpreterLanguage, 1]])],
      ),
    );
  }
  return parts;
}

function headedList(head: Content, items: readonly Content[]): StackNode {
  const [first, ...rest] = items;
  return keepWithNext(head, first, rest);
}

function sectionOfBullets(ctx: PacketContext, title: string, items: readonly string[]): Content[] {
  return [headedList(heading(title, 'h3'), bullets(items, ctx.sizes))];
}
