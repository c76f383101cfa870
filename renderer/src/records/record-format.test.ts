import { describe, expect, it } from 'vitest';
import type { RecordProviderView, RecordRow, RecordsStatus } from '../../../core/ipc/contract';
import { billIssuesByRole, billTexts, readBills } from './record-bills';
import {
  birthDate,
  differenceText,
  disputeMessages,
  issuedDate,
  issuedTime,
  kindLabels,
  patientFigure,
  revisionLinks,
  searchHint,
  searchSummary,
  statusNotices,
  waitingToShare,
} from './record-format';

const provider = (p: Partial<RecordProviderView> & Pick<RecordProviderView, 'role' | 'name'>): RecordProviderView => ({
  estimatedCents: 100_000,
  billedCents: null,
  differenceCents: null,
  disputeRisk: false,
  ...p,
});

const row: RecordRow = {
  id: 'a'.repeat(32),
  reference: 'VP-2026-0001',
  kind: 'good-faith-estimate',
  patientName: 'Zephyrine Quillfeather',
  dateOfBirth: '1949-02-28',
  issuedAt: new Date(2026, 2, 14, 9, 5).toISOString(),
  preparedBy: 'JD',
  patientCents: { low: 512_300, high: 512_300 },
  revises: null,
  revisedBy: null,
  providers: [provider({ role: 'physician', name: 'Lakeside Spine Center' }), provider({ role: 'facility', name: 'Lakeside Surgery Center', estimatedCents: 300_000 })],
};

describe('a record in plain words', () => {
  it('shows dates as staff read them, on this computer’s clock', () => {
    expect(birthDate(row.dateOfBirth)).toBe('02/28/1949');
    expect(issuedDate(row.issuedAt)).toBe('03/14/2026');
    expect(issuedTime(row.issuedAt)).toBe('9:05 AM');
    expect(issuedTime(new Date(2026, 2, 14, 12, 30).toISOString())).toBe('12:30 PM');
    expect(issuedTime(new Date(2026, 2, 14, 0, 1).toISOString())).toBe('12:01 AM');
  });

  it('names the kind and gives the patient’s figure: a range, or the Good Faith Estimate’s total', () => {
    expect(kindLabels[row.kind]).toBe('Good Faith Estimate');
    expect(patientFigure(row)).toBe('$5,123.00 total');
    expect(patientFigure({ kind: 'estimate', patientCents: { low: 120_000, high: 340_050 } })).toBe('$1,200.00 – $3,400.50');
  });

  it('says which record it replaces and which replaced it', () => {
    expect(revisionLinks(row)).toEqual([]);
    expect(revisionLinks({ revises: 'VP-2026-0001', revisedBy: 'VP-2026-0009' })).toEqual(['Replaces VP-2026-0001', 'Replaced by VP-2026-0009']);
  });

  it('says how a bill compares with the estimate', () => {
    expect(differenceText(null)).toBe('No bill entered yet');
    expect(differenceText(0)).toBe('The same as the estimate');
    expect(differenceText(45_000)).toBe('$450.00 more than the estimate');
    expect(differenceText(-2_000)).toBe('$20.00 less than the estimate');
  });

  it('flags each provider the main side marked as a dispute risk, with the amount above its total', () => {
    const billed = { providers: [provider({ role: 'physician', name: 'Lakeside Spine Center', billedCents: 145_000, differenceCents: 45_000, disputeRisk: true }), provider({ role: 'facility', name: 'Lakeside Surgery Center', billedCents: 330_000, differenceCents: 30_000 })] };
    expect(disputeMessages(billed)).toEqual(['The patient may dispute this bill: it is $450.00 above the Good Faith Estimate for Lakeside Spine Center.']);
    expect(disputeMessages(row)).toEqual([]);
  });
});

describe('what start-up found', () => {
  const fine: RecordsStatus = { available: true, reason: null, purged: 0, unreadable: [], auditProblem: null, shared: null };

  it('says nothing when all is well', () => {
    expect(statusNotices(fine, 6)).toEqual([]);
  });

  it('says why records are not kept, how many were purged, which could not be read and what the audit check found', () => {
    const notices = statusNotices(
      { available: false, reason: 'This computer has no key store to lock them with.', purged: 3, unreadable: ['VP-2026-0004'], auditProblem: 'Entry 12 does not follow entry 11.', shared: null },
      6,
      ['VP-2026-0004', 'VP-2026-0007'],
    );
    expect(notices).toEqual([
      { tone: 'problem', text: 'Past estimates are not kept on this computer. This computer has no key store to lock them with.' },
      { tone: 'info', text: '3 estimates were older than 6 years and removed when the app started (Settings → Records and privacy).' },
      {
        tone: 'problem',
        text: '2 records could not be read (damaged, or changed outside the app): VP-2026-0004, VP-2026-0007. The other records are fine. Tell IT before deleting anything.',
      },
      { tone: 'problem', text: 'The audit trail did not pass its check when the app started: Entry 12 does not follow entry 11. Tell IT.' },
    ]);
    expect(statusNotices({ ...fine, purged: 1 }, 1)[0]?.text).toBe('1 estimate was older than 1 year and removed when the app started (Settings → Records and privacy).');
  });
});

describe('shared records (the clinic’s server)', () => {
  const shared = { server: 'db.clinic.local:5432', connected: true, waiting: 0 };
  const refused = 'The shared records on db.clinic.local:5432 were set up by a newer version of this app. Past estimates are not available; packets can still be issued. Ask IT to update this computer.';

  it('says why the shared server cannot be used without saying records are "not kept on this computer"', () => {
    const notices = statusNotices({ available: false, reason: refused, purged: 0, unreadable: [], auditProblem: null, shared: { ...shared, connected: false } }, 6);
    expect(notices).toEqual([{ tone: 'problem', text: refused }]);
  });

  it('says how many records wait on this computer to be shared, and nothing when none', () => {
    expect(waitingToShare(0)).toBe('');
    expect(waitingToShare(1)).toBe('1 record waiting to be shared');
    expect(waitingToShare(3)).toBe('3 records waiting to be shared');
  });

  it('says how shared search matches: whole name parts or their first 3 letters, dates, the start of the reference', () => {
    expect(searchHint(false)).toBe('Part of the name, date of birth (MM/DD/YYYY), date issued or reference (VP-…)');
    expect(searchHint(true)).toBe('A whole first or last name, or its first 3 letters or more; date of birth (MM/DD/YYYY); date issued; or the start of the reference (VP-…)');
    expect(searchSummary('ixot', { rows: 0, more: 0 }, true)).toBe(
      'No estimate matches that. Type a whole first or last name, or its first 3 letters or more (a piece from the middle of a name finds nothing), the date of birth as MM/DD/YYYY, the date issued or the start of the reference (VP-…).',
    );
    expect(searchSummary('ixot', { rows: 0, more: 0 })).toBe('No estimate matches that. Try part of the last name, the date of birth as MM/DD/YYYY, the date issued or the reference (VP-…).');
  });
});

describe('the search summary', () => {
  it('says plainly when there is nothing yet, or nothing matches', () => {
    expect(searchSummary('', { rows: 0, more: 0 })).toMatch(/^No estimates yet/);
    expect(searchSummary('zz', { rows: 0, more: 0 })).toMatch(/^No estimate matches that/);
  });

  it('counts what was found, and says how to narrow a long list', () => {
    expect(searchSummary('', { rows: 2, more: 0 })).toBe('2 estimates on record.');
    expect(searchSummary('quill', { rows: 1, more: 0 })).toBe('1 estimate found.');
    expect(searchSummary('a', { rows: 50, more: 7 })).toBe('50 estimates shown of 57 found: type more of the name or the date of birth to narrow the list.');
    // The shared store stops counting a broad search at its limit.
    expect(searchSummary('rosa', { rows: 200, more: 800, moreAtLeast: true }, true)).toBe(
      '200 estimates shown of more than 1,000 found: type more of the name or the date of birth to narrow the list.',
    );
  });
});

describe('what each provider billed', () => {
  it('starts the boxes from the bills entered before', () => {
    expect(billTexts({ providers: [provider({ role: 'physician', name: 'A', billedCents: 123_456 }), provider({ role: 'facility', name: 'B' })] })).toEqual({ physician: '$1,234.56', facility: '' });
  });

  it('sends each bill typed, in cents, and leaves out a box left empty', () => {
    expect(readBills(row, { physician: ' 1,450 ', facility: '' })).toEqual({ ok: true, request: { id: row.id, bills: [{ role: 'physician', billedCents: 145_000 }] } });
    expect(readBills(row, {})).toEqual({ ok: true, request: { id: row.id, bills: [] } });
  });

  it('names the provider in every problem, at its own box', () => {
    const read = readBills(row, { physician: 'twelve hundred', facility: '99999999' });
    expect(read).toEqual({
      ok: false,
      errors: {
        physician: 'Enter what Lakeside Spine Center billed in dollars, like 1,250.00, or leave it empty until the bill comes.',
        facility: 'Check what Lakeside Surgery Center billed: enter 0 to $10,000,000.00.',
      },
    });
  });

  it('puts an issue the main side returns at the box of the provider it was sent for', () => {
    const request = { id: row.id, bills: [{ role: 'facility' as const, billedCents: 1 }] };
    expect(billIssuesByRole(row, request, [{ path: 'bills.0.billedCents', message: 'Too big' }])).toEqual({ facility: 'Check what Lakeside Surgery Center billed: enter 0 to $10,000,000.00.' });
    expect(billIssuesByRole(row, request, [{ path: 'id', message: 'Choose a record' }])).toEqual({});
  });
});
