/** The real packet PDF shown inside the app, with a plain fallback where PDFs cannot display. */
import { useEffect, useRef } from 'react';

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
      <object className="preview__frame" data={url} type="application/pdf" title="Packet preview" aria-label="Packet preview">
        <p className="preview__fallback">
          This computer cannot show the PDF here. Use Print or Save PDF to see the packet.
        </p>
      </object>
    </section>
  );
}
