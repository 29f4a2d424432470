"""The app's stylesheet and the small scripts of its HTML components (no third-party assets, nothing fetched)."""

from __future__ import annotations

CSS = """
:root { --pw-accent: #001158; --pw-accent-2: #006ea3; --pw-mark: #fff1a8; --pw-line: #d9dde6; }
/* WCAG 2.1 AA contrast (axe-core, tests/test_accessibility.py): the second accent is a darker Leiden blue (5.6:1 on
   white; #00a0e1 was 2.95:1), primary buttons are white on the navy accent (Gradio's orange was 2.8:1), and the
   footer's API link is dark grey (Gradio's #bbbbc2 was 1.9:1). */
/* the delete ("stop") button: white on dark red (6.5:1; Gradio's was below 4.5:1) */
#pw-admin-delete { background: #b91c1c; border-color: #b91c1c; color: #ffffff; }
#pw-admin-delete:hover { background: #7f1d1d; }
.gradio-container { --button-primary-background-fill: var(--pw-accent); --button-primary-background-fill-hover: #1f2f7a;
  --button-primary-border-color: var(--pw-accent); --button-primary-text-color: #ffffff; }
footer .show-api, .show-api { color: #4b4b55 !important; }
/* a dropdown without a choice shows its empty text "subdued" (#bbbbc2, 1.9:1): dark grey instead */
.gradio-container input.subdued { color: #4b4b55 !important; }
.gradio-container { max-width: 1080px !important; margin: 0 auto !important; }
#pw-header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem 1rem; }
#pw-header h1 { margin: 0; font-size: 1.6rem; color: var(--pw-accent); }
#pw-header p { margin: 0; color: #4a5168; }
.dark #pw-header h1 { color: #9cc4ff; }
#pw-lang { max-width: 340px; margin-left: auto; }
.pw-q .pw-who { color: #fff; }
#pw-chat { height: min(62vh, 640px); overflow-y: auto !important; overscroll-behavior: contain;
  border: 1px solid var(--pw-line); border-radius: 10px; padding: .75rem; scroll-behavior: smooth; }
.pw-chat { display: flex; flex-direction: column; gap: 1.25rem; }
.pw-empty { color: #5b6275; height: 100%; display: flex; align-items: center; justify-content: center;
  text-align: center; }
.pw-turn { display: flex; flex-direction: column; gap: .5rem; }
.pw-user { font-size: .9rem; margin: .2rem 0 0; }
.pw-who { display: block; font-size: .78rem; font-weight: 600; opacity: .75; margin-bottom: .15rem; }
.pw-q { align-self: flex-end; max-width: 85%; background: var(--pw-accent); color: #fff; padding: .5rem .8rem;
  border-radius: 12px 12px 2px 12px; overflow-wrap: anywhere; }
.pw-a { align-self: stretch; background: rgba(0, 17, 88, .04); border: 1px solid var(--pw-line);
  padding: .6rem .8rem; border-radius: 2px 12px 12px 12px; overflow-wrap: anywhere; }
.pw-abstained { border-left: 4px solid #d98c00; }
.pw-answer-text { margin: 0 0 .5rem; line-height: 1.55; }
.pw-pending { visibility: hidden; }
.pw-cite { display: inline-block; min-width: 1.6em; padding: 0 .2em; border-radius: 4px; font-weight: 600;
  font-size: .85em; text-align: center; text-decoration: none; color: var(--pw-accent);
  background: rgba(0, 160, 225, .15); vertical-align: baseline; }
.dark .pw-cite { color: #cfe3ff; }
.pw-cite:hover, .pw-cite:focus-visible { background: rgba(0, 160, 225, .35); }
.pw-sources .pw-h { font-size: .85rem; font-weight: 600; margin: .6rem 0 .3rem; opacity: .8; }
.pw-sources ol, .pw-results ol { list-style: none; margin: 0; padding: 0; display: flex;
  flex-direction: column; gap: .5rem; }
.pw-source, .pw-result { border: 1px solid var(--pw-line); border-radius: 8px; padding: .5rem .7rem;
  background: var(--background-fill-primary, #fff); transition: box-shadow .3s, border-color .3s; }
.pw-source:target, .pw-source.pw-flash { border-color: var(--pw-accent-2);
  box-shadow: 0 0 0 3px rgba(0, 160, 225, .35); }
.pw-source-head { font-weight: 600; overflow-wrap: anywhere; }
.pw-n { color: var(--pw-accent-2); margin-right: .2rem; }
.pw-title { color: inherit; }
a.pw-title { text-decoration: underline; text-underline-offset: 2px; }
.pw-meta, .pw-heading { font-size: .85rem; color: #5b6275; }
.dark .pw-meta, .dark .pw-heading, .dark #pw-header p { color: #aab; }
.pw-quote { margin: .35rem 0 0; padding: 0 0 0 .6rem; padding-left: .6rem; border-left: 3px solid var(--pw-line);
  white-space: pre-line;
  overflow-wrap: anywhere; font-size: .92rem; line-height: 1.5; }
.pw-snippet { margin: .35rem 0 0; font-size: .92rem; overflow-wrap: anywhere; }
mark { background: var(--pw-mark); color: inherit; padding: 0 .1em; border-radius: 2px; }
.dark mark { background: #6b5d00; }
.pw-votes { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem; margin-top: .5rem; }
.pw-vote { display: inline-flex; align-items: center; gap: .35rem; border: 1px solid var(--pw-line);
  background: transparent; border-radius: 999px; padding: .15rem .7rem;
  cursor: pointer; font: inherit; font-size: .85rem; color: inherit; min-height: 32px; }
.pw-vote[aria-pressed="true"] { background: var(--pw-accent); color: #fff; border-color: var(--pw-accent); }
.pw-vote:disabled { opacity: .5; cursor: default; }
.pw-vote svg { width: 1em; height: 1em; vertical-align: -0.15em; fill: currentColor; }
.pw-share { display: flex; flex-wrap: wrap; gap: .25rem 1rem; margin-top: .5rem; font-size: .85rem; }
.pw-share a { color: var(--pw-accent); text-decoration: underline; text-underline-offset: 2px; padding: .2rem 0; }
.dark .pw-share a { color: #9cc4ff; }
.pw-share-notice { margin: 0; padding: .45rem .8rem; border-left: 4px solid var(--pw-accent-2); border-radius: 4px;
  background: #eef6fb; color: #1b1f24; }
.dark .pw-share-notice { background: #10263a; color: #e6edf5; }
.pw-waiting { color: #5b6275; font-style: italic; }
.pw-thanks { font-size: .85rem; color: #2d7a3a; }
.pw-count { font-weight: 600; margin: .25rem 0 .5rem; }
.pw-year h3 { margin: .75rem 0 .35rem; }
.pw-decision blockquote.pw-quote { margin: .35rem 0; }
#pw-decisions { min-width: 0 !important; max-width: 100%; }
#pw-docs, #pw-results, #pw-chat { min-width: 0 !important; max-width: 100%; }
.pw-table-wrap { overflow-x: auto; max-width: 100%; }
.pw-docs td { overflow-wrap: anywhere; }
.pw-docs table { border-collapse: collapse; width: 100%; font-size: .9rem; }
.pw-docs th, .pw-docs td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--pw-line);
  vertical-align: top; }
.pw-docs td:nth-child(5) { text-align: right; }
.pw-docs th { position: sticky; top: 0; background: var(--background-fill-secondary, #f4f5f8); }
#pw-examples { flex-wrap: wrap; gap: .4rem; }
#pw-examples button { flex: 0 1 auto; min-width: 0; white-space: normal; text-align: left; font-weight: 400; }
a:focus-visible, button:focus-visible, .pw-source:focus { outline: 3px solid var(--pw-accent-2); outline-offset: 2px; }
@media (max-width: 640px) {
  #pw-chat { height: 58vh; padding: .4rem; }
  #pw-lang { margin-left: 0; max-width: none; }
  .pw-q { max-width: 95%; }
  .pw-docs td:nth-child(6), .pw-docs th:nth-child(6),
  .pw-docs td:nth-child(4), .pw-docs th:nth-child(4) { display: none; }
}
.pw-sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; scroll-behavior: auto !important; }
}
"""

CHAT_JS = """
const box = element.closest('#pw-chat') || element;
let turns = 0;
// Screen readers hear each finished answer once, through one polite live region that outlives the chat's re-renders
// (the chat itself is not live: a streamed answer would be read piece by piece).
let announce = document.getElementById('pw-announce');
if (!announce) {
  announce = document.createElement('div');
  announce.id = 'pw-announce';
  announce.className = 'pw-sr-only';
  announce.setAttribute('role', 'status');
  announce.setAttribute('aria-live', 'polite');
  document.body.appendChild(announce);
}
let announced = -1;
const reduced = window.matchMedia('(prefers-reduced-motion: reduce)');
element.addEventListener('click', (ev) => {
  const cite = ev.target.closest('a.pw-cite');
  if (cite) {
    ev.preventDefault();
    const card = element.querySelector('#' + CSS.escape(cite.dataset.target));
    if (card) {
      element.querySelectorAll('.pw-flash').forEach((c) => c.classList.remove('pw-flash'));
      card.classList.add('pw-flash');
      card.scrollIntoView({ block: 'nearest', behavior: reduced.matches ? 'auto' : 'smooth' });
      card.focus({ preventScroll: true });
    }
    return;
  }
  const vote = ev.target.closest('button.pw-vote');
  if (vote && !vote.disabled) {
    trigger('click', { turn: Number(vote.dataset.turn), vote: vote.dataset.vote });
  }
});
watch('value', () => {
  const all = element.querySelectorAll('.pw-turn');
  if (all.length > turns) {
    const last = all[all.length - 1];
    box.scrollTop = last.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop - 8;
  }
  turns = all.length;
  const last = all[all.length - 1];
  const n = last ? Number(last.dataset.turn) : -1;
  if (last && last.getAttribute('aria-busy') === 'false' && n !== announced) {
    announced = n;
    const text = last.querySelector('.pw-answer-text');
    announce.textContent = text ? text.innerText : '';
  }
});
"""

DETECT_LANGUAGE_JS = """
(current, ...rest) => {
  const tag = ((navigator.languages && navigator.languages[0]) || navigator.language || 'nl').toLowerCase();
  const lang = tag.startsWith('nl') ? 'nl' : 'en';
  document.documentElement.lang = lang;
  return [lang, ...rest];
}
"""

SET_LANGUAGE_JS = """
(lang, ...rest) => {
  document.documentElement.lang = lang;
  return [lang, ...rest];
}
"""
"""The page's ``<html lang>`` follows the interface language (screen readers pick their voice by it)."""
