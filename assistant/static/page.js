() => {
  // The chat page's behaviour in the browser (run once when the page loads):
  // - a citation [n] in any turn opens its own source card (ids are turn-scoped: #t2-c1), a footnote
  //   call in a card opens its footnote, and both take the focus so keyboard users land on them;
  // - the copy button of an answer copies the answer as Markdown with its sources and footnotes (the
  //   text the server wrote for that turn), not the Chatbot's escaped source.
  if (window.__brieven) return;
  window.__brieven = true;

  const live = document.createElement("div");
  live.id = "brieven-live";
  live.className = "visually-hidden";
  live.setAttribute("aria-live", "polite");
  live.setAttribute("role", "status");
  document.body.appendChild(live);

  const say = (text) => {
    live.textContent = "";
    setTimeout(() => { live.textContent = text; }, 30);
  };

  const flash = (el) => {
    el.classList.add("flash");
    setTimeout(() => el.classList.remove("flash"), 1600);
  };

  const open = (el) => {
    const card = el.tagName === "DETAILS" ? el : el.closest("details");
    if (card) card.open = true;
    history.replaceState(null, "", "#" + el.id);
    el.scrollIntoView({ block: "nearest" });
    flash(el);
    const target = el.tagName === "DETAILS" ? el.querySelector("summary") : el;
    if (target) target.focus({ preventScroll: true });
  };

  const copyText = async (text) => {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (err) {
      // Not a secure context (http on another host): the old way.
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      const ok = document.execCommand("copy");
      area.remove();
      return ok;
    }
  };

  // Gradio 6.31's Chatbot: a bot message's buttons (.message-buttons-left) follow its .message-row,
  // and the copy button is the first of them.
  const answerCopyButton = (el) => {
    const button = el.closest("#chat .message-buttons-left button");
    if (!button) return null;
    const group = button.closest(".message-buttons-left");
    if (group.querySelector("button") !== button) return null;
    let row = group.previousElementSibling;
    while (row && !row.classList.contains("message-row")) row = row.previousElementSibling;
    return row && row.classList.contains("bot-row") ? row : null;
  };

  // Gradio's upload area names itself "Click to upload or drop files" while it shows other words; a
  // name that differs from the visible label confuses speech input (WCAG 2.5.3). Its text names it.
  const nameByText = () => {
    document.querySelectorAll("#upload button.upload-container[aria-label]").forEach((el) => {
      el.removeAttribute("aria-label");
    });
  };
  new MutationObserver(nameByText).observe(document.body, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ["aria-label"],
  });
  nameByText();

  document.addEventListener(
    "click",
    (event) => {
      const link = event.target.closest("a[href^='#t']");
      if (link && (link.closest("#chat") || link.closest("#sources"))) {
        const el = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
        if (el) {
          event.preventDefault();
          event.stopPropagation();
          open(el);
        }
        return;
      }
      const row = answerCopyButton(event.target);
      if (row) {
        const rows = Array.from(document.querySelectorAll("#chat .message-row.bot-row"));
        const turn = rows.indexOf(row) + 1;
        const pre = document.querySelector(`#sources pre.copy-text[data-turn="${turn}"]`);
        if (!pre) return; // still streaming: let the Chatbot copy what is there
        event.preventDefault();
        event.stopImmediatePropagation();
        copyText(pre.textContent).then((ok) => {
          if (ok) {
            const panel = document.querySelector("#sources .brieven-sources");
            say((panel && panel.dataset.copied) || "Copied");
          }
        });
      }
    },
    true
  );
}
