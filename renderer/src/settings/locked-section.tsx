/**
 * A Settings section the machine policy locks: shown as it is, every field and button in it
 * disabled (a disabled fieldset), with the reason above it so staff know whom to ask.
 */
import type { ReactNode } from 'react';
import type { LockableSetting } from '../../../core/policy';
import { LOCKED_BY_POLICY, lockedSectionTitle } from '../../../core/settings-lock';

interface LockableSectionProps {
  part: LockableSetting;
  locked: readonly LockableSetting[];
  children: ReactNode;
}

export function LockableSection({ part, locked, children }: LockableSectionProps) {
  if (!locked.includes(part)) return <>{children}</>;
  const why = `locked-${part}-why`;
  return (
    <div className="locked-section" data-locked={part}>
      <p className="locked-section__why" id={why}>
        <strong>{lockedSectionTitle[part]}:</strong> {LOCKED_BY_POLICY}
      </p>
      <fieldset className="locked-section__fields" disabled aria-describedby={why}>
        <legend className="visually-hidden">{lockedSectionTitle[part]} (locked by IT)</legend>
        {children}
      </fieldset>
    </div>
  );
}
