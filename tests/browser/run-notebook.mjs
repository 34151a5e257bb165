// Opens a notebook in headless Chromium, runs all cells as a person would, and prints what the
// page then shows as JSON on stdout (tests/test_browser.py asserts on it). Saves a full-page
// screenshot, also when it fails.
//
//   node run-notebook.mjs NOTEBOOK_URL SCREENSHOT [TIMEOUT_SECONDS]
//
// WORKBENCH_CHROMIUM: the browser to drive (default /usr/bin/chromium, Debian's package).
import { chromium } from 'playwright-core';

const [url, screenshot, timeoutArg = '300'] = process.argv.slice(2);
if (!url || !screenshot) {
  console.error('usage: node run-notebook.mjs NOTEBOOK_URL SCREENSHOT [TIMEOUT_SECONDS]');
  process.exit(2);
}
const runTimeoutMs = Number(timeoutArg) * 1000;
const KERNEL_START_MS = 120_000;

// launch() gives Chromium a fresh temporary profile (--user-data-dir) and removes it afterwards.
const browser = await chromium.launch({
  executablePath: process.env.WORKBENCH_CHROMIUM || '/usr/bin/chromium',
  args: [
    '--no-sandbox', // Chromium's sandbox refuses to run as root
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--no-first-run', '--disable-quic',
  ],
});

let failure = null;
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await page.goto(url);
  await waitForKernel(page);
  await page.evaluate(watchOutputs);
  await page.evaluate(() => Jupyter.notebook.execute_all_cells());
  await waitForAllCells(page);
  const cells = await page.evaluate(describeCells);
  console.log(JSON.stringify({ cells, pageErrors }));
} catch (e) {
  failure = e;
} finally {
  await saveScreenshot(screenshot).catch((e) => console.error(`no screenshot: ${e.message}`));
  await browser.close();
}
if (failure) {
  console.error(failure.message);
  process.exit(1);
}

async function waitForKernel(page) {
  try {
    await page.waitForFunction(() => window.Jupyter?.notebook?.kernel?.info_reply?.status === 'ok',
      null, { timeout: KERNEL_START_MS });
  } catch {
    const shown = await page.evaluate(() =>
      [document.title, document.querySelector('#kernel_indicator')?.title,
       document.querySelector('.modal.in')?.innerText].filter(Boolean).join(' | '));
    throw new Error(`the kernel did not start within ${KERNEL_START_MS / 1000} s; the page shows: ${shown}`);
  }
}

// Runs in the page before the cells run: remembers, per cell, the most outputs it ever had at
// once and each distinct text it showed, so that an update in place can be told from new outputs.
function watchOutputs() {
  // what outputs show, without their Out[n] prompts
  window.nbwText = (element) => [...element.querySelectorAll('.output_subarea')]
    .map((sub) => sub.innerText.trim()).join('\n');
  window.nbwSeen = new Map();
  const record = () => Jupyter.notebook.get_cells().forEach((cell, index) => {
    const area = cell.output_area?.element?.[0];
    if (!area) return;
    const seen = window.nbwSeen.get(index) ?? { maxOutputs: 0, texts: [] };
    seen.maxOutputs = Math.max(seen.maxOutputs, area.querySelectorAll(':scope > .output_area').length);
    const text = nbwText(area).slice(0, 200);
    if (text && !seen.texts.includes(text) && seen.texts.length < 50) seen.texts.push(text);
    window.nbwSeen.set(index, seen);
  });
  new MutationObserver(record).observe(document.querySelector('#notebook-container'),
    { childList: true, subtree: true, characterData: true });
}

async function waitForAllCells(page) {
  const deadline = Date.now() + runTimeoutMs;
  for (;;) {
    const state = await page.evaluate(() => {
      const cells = Jupyter.notebook.get_cells();
      const index = cells.findIndex((c) => c.cell_type === 'code'
        && (c.element.hasClass('running') || typeof c.input_prompt_number !== 'number'));
      const idle = document.querySelector('#kernel_indicator_icon')?.classList.contains('kernel_idle_icon');
      return { index, idle, firstLine: index >= 0 ? cells[index].get_text().split('\n')[0] : null };
    });
    if (state.index < 0 && state.idle) return;
    if (Date.now() > deadline) {
      throw new Error(state.index >= 0
        ? `cell ${state.index} was still running after ${runTimeoutMs / 1000} s: ${state.firstLine}`
        : `all cells ran but the kernel was still busy after ${runTimeoutMs / 1000} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

function describeCells() {
  return Jupyter.notebook.get_cells().map((cell, index) => {
    const seen = window.nbwSeen.get(index) ?? { maxOutputs: 0, texts: [] };
    const areas = cell.output_area ? [...cell.output_area.element[0].querySelectorAll(':scope > .output_area')] : [];
    return {
      index,
      type: cell.cell_type,
      firstLine: cell.get_text().split('\n')[0],
      prompt: cell.input_prompt_number ?? null,
      maxOutputs: seen.maxOutputs,
      shownTexts: seen.texts,
      outputs: areas.map((area) => {
        const sub = area.querySelector('.output_subarea');
        return {
          classes: sub ? [...sub.classList] : [],
          text: nbwText(area).slice(0, 2000),
          progress: [...area.querySelectorAll('.nbw-progress')].map((p) => p.innerText.trim().slice(0, 2000)),
          images: [...area.querySelectorAll('img')].map((img) => ({
            src: img.src.slice(0, 40), width: img.naturalWidth, height: img.naturalHeight,
          })),
          tables: [...area.querySelectorAll('table')].map((table) => ({
            rows: table.querySelectorAll('tr').length, text: table.innerText.slice(0, 2000),
          })),
        };
      }),
    };
  });
}

async function saveScreenshot(path) {
  const [page] = browser.contexts()[0]?.pages() ?? [];
  if (!page) return;
  // The classic notebook scrolls inside #site, so a full-page shot would stop at the viewport.
  await page.addStyleTag({ content: '#site { height: auto !important; overflow: visible !important; }' });
  await page.screenshot({ path, fullPage: true });
}
