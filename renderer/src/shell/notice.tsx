/** A plain notice at the top of the screen (e.g. the settings file was unreadable), dismissable. */
export function Notice({ text, onDismiss }: { text: string; onDismiss: () => void }) {
  return (
    <div className="notice" role="status">
      <p className="notice__text">{text}</p>
      <button type="button" className="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
