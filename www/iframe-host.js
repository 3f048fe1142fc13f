// Newsline iframe host: sizes each Newsline embed to the height it reports, between 120 and 20000 px.
// A frame is resized only when the message comes from that frame's window, from the origin its src names,
// that origin is this page's or listed in data-newsline-origins on this script tag, and the frame is a
// Newsline embed (its src path ends in embed.html, or it carries data-newsline-frame).
(() => {
  const script = document.currentScript;
  const origins = new Set([location.origin, ...(script?.dataset.newslineOrigins ?? '').split(/\s+/).filter(Boolean)]);
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'newsline:height' || !Number.isFinite(data.height)) return;
    if (!origins.has(event.origin)) return;
    for (const frame of document.querySelectorAll('iframe')) {
      // A frame without an address of its own (none, about:blank, srcdoc) takes this page's origin: never one.
      const given = frame.getAttribute('src');
      if (frame.contentWindow !== event.source || !given || frame.hasAttribute('srcdoc')) continue;
      let src;
      try {
        src = new URL(given, location.href);
      } catch {
        continue;
      }
      const newsline = frame.hasAttribute('data-newsline-frame') || src.pathname.endsWith('/embed.html');
      if (src.origin !== event.origin || !newsline || !/^https?:$/.test(src.protocol)) continue;
      frame.style.height = `${Math.min(20000, Math.max(120, Math.ceil(data.height)))}px`;
    }
  });
})();
