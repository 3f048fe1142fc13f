// Host-page helper for the iframe embed: sizes each Newsline iframe to the height it reports.
// The same ten lines, inline, are in docs/embedding.md.
window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'newsline:height' || typeof data.height !== 'number') return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow === event.source) {
      frame.style.height = `${Math.max(0, Math.ceil(data.height))}px`;
    }
  }
});
