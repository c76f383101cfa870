/**
 * The packet the app renders once in the background at start-up, so pdfmake, the fonts and
 * every layout path are warm before staff ask for the first real packet: the primary
 * procedure's warm-up case (templates/<id>/warm-up-case.json, an invented person), estimated
 * with the clinic's settings. Never shown, never saved.
 */
import { validateCase } from '../../core/case/validate-case';
import type { ProcedureCatalog } from '../../core/estimate/procedure-catalog';
import type { Settings } from '../../core/settings';
import type { EstimateService } from './estimate-service';
import type { PacketBuildInput } from './packet-service';

export function warmUpInput(catalog: ProcedureCatalog, estimates: EstimateService, settings: Settings, today: string): PacketBuildInput | null {
  const checked = validateCase(catalog.primary.warmUpCase, { today, catalog: catalog.definitions });
  if (!checked.ok) return null;
  return {
    caseData: checked.value.case,
    estimate: estimates.estimate(checked.value, settings),
    clinic: settings.clinic,
    otherProviders: settings.otherProviders,
    preparedDate: today,
  };
}
