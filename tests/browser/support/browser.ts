import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { readServerState } from './server';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface Session {
  baseUrl: string;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A fresh headless Chromium with its own user-data dir, so no token or cache leaks between tests. */
export async function openBrowser(options: { width?: number; height?: number } = {}): Promise<Session> {
  const { baseUrl } = readServerState();
  const userDataDir = mkdtempSync(join(tmpdir(), 'shiftdesk-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: options.width ?? 1360, height: options.height ?? 900 },
    baseURL: baseUrl,
    timezoneId: 'Europe/Berlin',
    locale: 'en-GB',
  });
  context.setDefaultTimeout(15_000);
  // The product is served with a strict Content-Security-Policy: anything it blocks (an inline
  // script, a style, a font) fails the test that met it instead of silently breaking the page.
  const violations: string[] = [];
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${message.page()?.url() ?? ''}: ${message.text()}`);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    baseUrl,
    context,
    page,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
      if (violations.length > 0) throw new Error(`The page broke the Content-Security-Policy:\n${violations.join('\n')}`);
    },
  };
}

/** Signs in through the login form and waits for the role's home page. */
export async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Saves a full-page screenshot when SHIFTDESK_SHOTS names a directory (for looking, not for asserting). */
export async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  const dir = process.env['SHIFTDESK_SHOTS'];
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage });
}
