/**
 * At the top of the New estimate form: this is someone's unfinished estimate, not a blank form.
 * Keep working is the default (first, the main button, and focused), so Enter loses nothing;
 * Clear form asks first.
 */
import { useEffect, useRef } from 'react';

interface RestoredDraftNoticeProps {
  text: string;
  onKeep: () => void;
  onClear: () => void;
}

export function RestoredDraftNotice({ text, onKeep, onClear }: RestoredDraftNoticeProps) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="notice restored-draft" role="status">
      <p className="notice__text">{text}</p>
      <div className="restored-draft__actions">
        <button type="button" className="button button--primary" ref={keep} onClick={onKeep}>
          Keep working on it
        </button>
        <button type="button" className="button" onClick={onClear}>
          Clear form
        </button>
      </div>
    </div>
  );
}
