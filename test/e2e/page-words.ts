import type { Page } from 'playwright-core';
import { RESOURCE_DEFINITIONS } from '../../resources/index.js';

const MODEL_NAMES = new Set([...RESOURCE_DEFINITIONS.map((d) => d.id), ...RESOURCE_DEFINITIONS.map((d) => d.model.name)]);

/**
 * Latin words a Chinese supervisor legitimately reads: the spreadsheet format the export button names, 指标ID (the
 * 一体化 platform's own name for a budget line's key) and a product's model name in the goods library (华为 MateBook 14).
 * Anything else in ASCII letters is a code or an English word that escaped translation.
 */
const ALLOWED_WORDS = new Set(['Excel', 'ID', 'MateBook']);

export interface Finding {
  where: string;
  what: string;
}

/**
 * What the main content shows that a Chinese reader should not meet: words in ASCII letters (English, camelCase keys,
 * model names), and a region's six-digit code standing alone where its name belongs. A token with digits in it is a
 * code by nature (a project number CG-2026-360702-0010, a credit code, A4-70g) and is left alone, as is a single capital
 * (the national 品目 classes A 货物, B 工程, C 服务); the region list's own 区划代码 is the one place a code is the value.
 */
export async function findingsOn(page: Page, where: string): Promise<Finding[]> {
  const texts = await page.locator('[data-css="app-content"]').evaluate((root) => {
    const out: { text: string; codeColumn: boolean }[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || !el.checkVisibility({ visibilityProperty: true } as never)) continue;
      const codeColumn = !!el.closest('[data-css="Region-code-table-cell"], [data-testid="property-show-code"]');
      out.push({ text: node.textContent, codeColumn });
    }
    return out;
  });
  const findings: Finding[] = [];
  const quote = (text: string) => `「${text.trim().slice(0, 80)}」`;
  for (const { text, codeColumn } of texts) {
    for (const token of text.match(/\.?[A-Za-z0-9][A-Za-z0-9_.\-/:@]*/g) ?? []) {
      // A file's extension (招标文件.txt) belongs to its name.
      if (token.startsWith('.')) continue;
      if (/^36\d{4}$/.test(token)) {
        if (!codeColumn) findings.push({ where, what: `region code ${token} in ${quote(text)}` });
        continue;
      }
      if (/\d/.test(token) || /^[A-Z]$/.test(token)) continue;
      for (const word of token.match(/[A-Za-z]+/g) ?? [])
        if (!ALLOWED_WORDS.has(word))
          findings.push({ where, what: `${MODEL_NAMES.has(token) ? 'model name' : 'word'} ${token} in ${quote(text)}` });
    }
  }
  return findings;
}
