/**
 * A plain notice at the top of the screen (e.g. the settings file was unreadable), dismissable.
 * `onRetry`: the notice offers Try again (the settings file could not be read; it may be now).
 */
export function Notice({ text, onDismiss, onRetry, retrying = false }: { text: string; onDismiss: () => void; onRetry?: () => void; retrying?: boolean }) {
  return (
    <div className="notice" role="status">
      <p className="notice__text">{text}</p>
      {onRetry ? (
        <button type="button" className="button button--primary" onClick={onRetry} disabled={retrying}>
          {retrying ? 'Trying again…' : 'Try again'}
        </button>
      ) : null}
      <button type="button" className="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
