/**
 * The real packet PDF shown inside the app, with a plain fallback where PDFs cannot display. The
 * viewer's own toolbar is hidden: its print and download buttons would issue the packet without
 * the app's record and audit entry, so Print and Save PDF go through the app.
 */
import { useEffect, useRef } from 'react';

/** Chromium's PDF viewer reads these from the URL's fragment: no toolbar, no side panel. */
const VIEWER_OPTIONS = '#toolbar=0&navpanes=0';

export function PacketPreview({ url, fileName, onClose }: { url: string; fileName: string; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The preview opens below the form: bring it into view so it is not missed.
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, [url]);
  return (
    <section className="preview" aria-labelledby="preview-heading">
      <div className="preview__head">
        <h2 id="preview-heading" ref={heading} tabIndex={-1}>
          Packet preview
        </h2>
        <button type="button" className="button" onClick={onClose}>
          Close preview
        </button>
      </div>
      <p className="preview__name">{fileName}</p>
      <object className="preview__frame" data={`${url}${VIEWER_OPTIONS}`} type="application/pdf" title="Packet preview" aria-label="Packet preview">
        <p className="preview__fallback">
          This computer cannot show the PDF here. Use Print or Save PDF to see the packet.
        </p>
      </object>
    </section>
  );
}
