// The document's language is the page's, whatever else sets it. Gradio's own translations set
// <html lang> to the browser's locale (an English browser: "en") while the page is in Dutch, until the
// language switch says otherwise; a screen reader would then read the Dutch page as English.
// The switch sets window.__brievenLang (assistant/page.py SET_LANG); this keeps the document to it.
(() => {
  const root = document.documentElement;
  window.__brievenLang = window.__brievenLang || "__DEFAULT__";
  const keep = () => {
    if (root.lang !== window.__brievenLang) root.lang = window.__brievenLang;
  };
  keep();
  new MutationObserver(keep).observe(root, { attributes: true, attributeFilter: ["lang"] });
})();
