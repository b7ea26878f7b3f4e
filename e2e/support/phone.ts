import { expect, type Page } from '@playwright/test';

/** The phone sizes of docs/ux.md: the smallest we hold the wallet to, and a common one. */
export const PHONE = { width: 360, height: 740 } as const;
export const PHONE_LARGE = { width: 390, height: 844 } as const;

/**
 * Nothing scrolls sideways: the document is no wider than the viewport. On failure, names the
 * elements that stick out on the right (tag, class, text), so the cause is found without a trace.
 */
export async function expectNoSidewaysScroll(page: Page, screen: string): Promise<void> {
  const found = await findSidewaysScroll(page);
  expect
    .soft(
      found.culprits,
      `${screen}: the page is ${found.width} px wide in a ${found.viewport} px viewport`,
    )
    .toEqual([]);
  expect.soft(found.width, `${screen}: sideways scroll`).toBeLessThanOrEqual(found.viewport);
}

/** The document's width, the viewport's, and the outermost elements that stick out (at most 8). */
export function findSidewaysScroll(
  page: Page,
): Promise<{ width: number; viewport: number; culprits: string[] }> {
  return page.evaluate(() => {
    const viewport = window.innerWidth;
    const width = document.documentElement.scrollWidth;
    if (width <= viewport) return { width, viewport, culprits: [] as string[] };
    const culprits: string[] = [];
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= viewport + 0.5) continue;
      // Only the outermost: a child of an element that already sticks out adds nothing.
      const parent = element.parentElement?.getBoundingClientRect();
      if (parent && parent.right > viewport + 0.5) continue;
      const text = (element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const className = typeof element.className === 'string' ? element.className : '';
      culprits.push(
        `<${element.tagName.toLowerCase()}${className ? ` class="${className}"` : ''}> ` +
          `${Math.round(box.width)} px wide, right edge at ${Math.round(box.right)} px: "${text}"`,
      );
      if (culprits.length >= 8) break;
    }
    return { width, viewport, culprits };
  });
}

/**
 * Every tap target is at least `min` × `min` CSS px (docs/ux.md; WCAG 2.5.5's 44 px, stricter
 * than 2.5.8's 24 px). Tap targets: buttons, links with an href, visible inputs, selects,
 * textareas, summaries, and elements with an interactive role.
 *
 * - A checkbox or radio (or a visually hidden input, such as a file input behind a styled label)
 *   is measured by its label, the thing one taps, when it has one.
 * - Links inside running text are skipped: WCAG 2.5.8's inline exception (a link whose size is set
 *   by the line of text it sits in). A link counts as inline when it displays `inline` and its
 *   block holds more text than the link itself.
 * - What is not rendered (display none, closed `<details>`, zero size) is not a target.
 *
 * On failure, lists each offender with its accessible name and size (soft, as above).
 */
export async function expectTapTargets(page: Page, screen: string, min = 44): Promise<void> {
  const offenders = await findSmallTapTargets(page, min);
  expect.soft(offenders, `${screen}: tap targets smaller than ${min} × ${min} px`).toEqual([]);
}

/** The tap targets smaller than `min` (rules above), as `tag "name": w × h px`. */
export function findSmallTapTargets(page: Page, min = 44): Promise<string[]> {
  return page.evaluate((minimum) => {
    const selector = [
      'button',
      'a[href]',
      'input:not([type="hidden"])',
      'select',
      'textarea',
      'summary',
      '[role="button"]',
      '[role="link"]',
      '[role="tab"]',
      '[role="checkbox"]',
      '[role="radio"]',
      '[role="switch"]',
    ].join(',');
    const nameOf = (element: Element): string => {
      const labelled = element.getAttribute('aria-labelledby');
      const byId = labelled
        ?.split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
      const labels = (element as HTMLInputElement).labels;
      const name =
        element.getAttribute('aria-label') ??
        (byId || undefined) ??
        (labels && labels.length > 0 ? labels[0]?.textContent : undefined) ??
        element.textContent ??
        '';
      return (name || element.getAttribute('title') || element.getAttribute('name') || '')
        .trim()
        .replace(/\s+/g, ' ')
        .slice(0, 60);
    };
    const rendered = (element: Element): boolean => {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) return false;
      return element.checkVisibility({ visibilityProperty: true, opacityProperty: false });
    };
    const isInlineLink = (element: Element): boolean => {
      if (element.tagName !== 'A') return false;
      if (getComputedStyle(element).display !== 'inline') return false;
      let block = element.parentElement;
      while (block && getComputedStyle(block).display.startsWith('inline')) {
        block = block.parentElement;
      }
      const own = (element.textContent ?? '').trim().length;
      const around = (block?.textContent ?? '').trim().length;
      return around > own;
    };
    const seen = new Set<Element>();
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll(selector))) {
      let target: Element = element;
      if (element instanceof HTMLInputElement) {
        const label = element.labels?.[0];
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        const hidden =
          box.width <= 1 ||
          box.height <= 1 ||
          style.clip.startsWith('rect(0') ||
          style.clipPath.startsWith('inset(50%');
        if (label && (element.type === 'checkbox' || element.type === 'radio' || hidden)) {
          target = label;
        }
      }
      if (seen.has(target) || !rendered(target) || isInlineLink(target)) continue;
      seen.add(target);
      const box = target.getBoundingClientRect();
      // Half a pixel of rounding: layouts land on fractions.
      if (box.width + 0.5 < minimum || box.height + 0.5 < minimum) {
        const tag = target.tagName.toLowerCase();
        const type =
          target === element && element instanceof HTMLInputElement ? `[type=${element.type}]` : '';
        found.push(
          `${tag}${type} "${nameOf(element)}": ${Math.round(box.width * 10) / 10} × ${Math.round(box.height * 10) / 10} px`,
        );
      }
    }
    return found;
  }, min);
}

/** Both phone checks on what the page shows now. */
export async function expectPhoneFit(page: Page, screen: string): Promise<void> {
  await expectNoSidewaysScroll(page, screen);
  await expectTapTargets(page, screen);
}
