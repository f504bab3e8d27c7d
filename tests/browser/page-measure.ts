import type { Page } from 'playwright-core';

/** One piece of visible text and its computed font size in CSS px. */
export interface TextSize {
  size: number;
  text: string;
}

/**
 * Font sizes of the text a person can see: every non-empty text node with a box on screen (or, with
 * `viewportOnly`, in the first screen), smallest first. Visually-hidden text (1 px clips) is skipped.
 */
export function visibleTextSizes(page: Page, options: { viewportOnly?: boolean } = {}): Promise<TextSize[]> {
  return page.evaluate((viewportOnly) => {
    const sizes: { size: number; text: string }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('.visually-hidden, [hidden], option')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const boxes = Array.from(range.getClientRects()).filter((r) => r.width > 2 && r.height > 2);
      const onScreen = boxes.filter((r) => r.right > 0 && r.left < innerWidth);
      const shown = viewportOnly ? onScreen.filter((r) => r.top < innerHeight && r.bottom > 0) : onScreen;
      if (shown.length === 0 || getComputedStyle(parent).visibility === 'hidden') continue;
      sizes.push({ size: parseFloat(getComputedStyle(parent).fontSize), text: text.slice(0, 30) });
    }
    return sizes.sort((a, b) => a.size - b.size);
  }, options.viewportOnly ?? false);
}

/**
 * The smallest text of the SVG an <img> shows, as drawn on screen: its font-size attribute times
 * the image's scale (rendered width / the SVG's own width), with the URL the image loaded.
 */
export function smallestSvgText(page: Page, selector: string): Promise<{ src: string; size: number }> {
  return page.locator(selector).evaluate(async (img: HTMLImageElement) => {
    const svg = new DOMParser().parseFromString(await (await fetch(img.currentSrc)).text(), 'image/svg+xml');
    const width = Number(svg.documentElement.getAttribute('width'));
    const sizes = Array.from(svg.querySelectorAll('text')).map((t) => Number(t.getAttribute('font-size')));
    return { src: img.currentSrc, size: (Math.min(...sizes) * img.getBoundingClientRect().width) / width };
  });
}

/** The page's visible text (what a person can read), for "never shown" checks. */
export const visibleText = (page: Page): Promise<string> => page.evaluate(() => document.body.innerText);
