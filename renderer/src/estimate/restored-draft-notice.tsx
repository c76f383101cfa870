/** At the top of the New estimate form: this is someone's unfinished estimate, not a blank form. */
interface RestoredDraftNoticeProps {
  text: string;
  onKeep: () => void;
  onStartNew: () => void;
}

export function RestoredDraftNotice({ text, onKeep, onStartNew }: RestoredDraftNoticeProps) {
  return (
    <div className="notice restored-draft" role="status">
      <p className="notice__text">{text}</p>
      <div className="restored-draft__actions">
        <button type="button" className="button" onClick={onKeep}>
          Keep working on it
        </button>
        <button type="button" className="button button--primary" onClick={onStartNew}>
          Start a new estimate
        </button>
      </div>
    </div>
  );
}
