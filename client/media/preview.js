// The preview webview's only script (loaded with the page's nonce). It never builds markup from
// data: the HTML comes escaped from the language service's renderer, and this script only swaps it
// in, keeps the scroll position and open sections, marks problems and reports clicks.
// @ts-check
(function () {
  // @ts-ignore acquireVsCodeApi is provided by VS Code in webviews.
  const vscode = acquireVsCodeApi();
  const content = /** @type {HTMLElement} */ (document.getElementById('content'));
  const notice = /** @type {HTMLElement} */ (document.querySelector('.notice'));
  /** Sections the user opened or closed: kept across updates. */
  const toggled = new Map();
  let updating = false;

  /** @param {string} path */
  function rowOf(path) {
    return document.querySelector(`[data-path="${CSS.escape(path)}"]`);
  }

  /** Loads the body of a lazily rendered section once it is open. @param {Element} details */
  function loadIfLazy(details) {
    const body = details.querySelector(':scope > [data-lazy]');
    if (body && /** @type {HTMLDetailsElement} */ (details).open && !body.hasAttribute('data-loading')) {
      body.setAttribute('data-loading', '');
      vscode.postMessage({ type: 'loadSection', section: body.getAttribute('data-lazy') });
    }
  }

  /** @param {string} html */
  function showPage(html) {
    updating = true;
    const top = window.scrollY;
    content.innerHTML = html;
    for (const [section, open] of toggled) {
      const details = /** @type {HTMLDetailsElement | null} */ (document.querySelector(`details[data-section="${CSS.escape(section)}"]`));
      if (details) details.open = open;
    }
    document.querySelectorAll('details[open]').forEach(loadIfLazy);
    window.scrollTo(0, top);
    updating = false;
  }

  /** @param {Array<{path: string, severity: string, message: string}>} marks */
  function showProblems(marks) {
    document.querySelectorAll('.problem-error, .problem-warning, .problem-info').forEach((element) => {
      element.classList.remove('problem-error', 'problem-warning', 'problem-info');
      element.removeAttribute('title');
    });
    for (const mark of marks) {
      const row = rowOf(mark.path);
      if (!row) continue;
      row.classList.add(`problem-${mark.severity}`);
      row.setAttribute('title', mark.message);
    }
  }

  /** @param {string | undefined} path */
  function showCursor(path) {
    document.querySelectorAll('.cursor').forEach((element) => element.classList.remove('cursor'));
    const row = path ? rowOf(path) : null;
    if (row && row.tagName !== 'SUMMARY') row.classList.add('cursor');
  }

  window.addEventListener('message', (event) => {
    const message = event.data;
    switch (message.type) {
      case 'page':
        showPage(message.html);
        break;
      case 'section': {
        const body = document.querySelector(`[data-lazy="${CSS.escape(message.section)}"]`);
        if (body) {
          body.innerHTML = message.html;
          body.removeAttribute('data-lazy');
          body.removeAttribute('data-loading');
        }
        break;
      }
      case 'notice':
        notice.textContent = message.text || '';
        notice.hidden = !message.text;
        break;
      case 'problems':
        showProblems(message.marks);
        break;
      case 'cursor':
        showCursor(message.path);
        break;
    }
  });

  document.addEventListener(
    'toggle',
    (event) => {
      const details = /** @type {HTMLDetailsElement} */ (event.target);
      if (updating || !(details instanceof HTMLDetailsElement)) return;
      const section = details.getAttribute('data-section');
      if (section) toggled.set(section, details.open);
      loadIfLazy(details);
    },
    true,
  );

  document.addEventListener('click', (event) => {
    const target = /** @type {Element} */ (event.target);
    const link = target.closest('a[data-event]');
    if (link) {
      event.preventDefault();
      const details = /** @type {HTMLDetailsElement | null} */ (document.getElementById(`event-${link.getAttribute('data-event')}`));
      if (details) {
        details.open = true;
        details.scrollIntoView({ block: 'start' });
      }
      return;
    }
    const row = target.closest('[data-path]');
    if (row) vscode.postMessage({ type: 'reveal', path: row.getAttribute('data-path') });
  });

  vscode.postMessage({ type: 'ready' });
})();
