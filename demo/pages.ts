import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderMessagingPage } from './messaging';
import { linkedinPeople, xingPeople } from './people';

const appSource = readFileSync(path.join(import.meta.dirname, 'app.js'), 'utf8').trim();

/**
 * The offline demo: fictional LinkedIn and XING pages, served at their real URLs by request
 * routing (`npm start -- --demo` and the end-to-end tests). Each site is a small single-page app
 * like the real ones: links change the URL with pushState and the content follows a moment later.
 */

export interface DemoResponse {
  status: number;
  html: string;
}

export const DEMO_START_URL = 'https://www.linkedin.com/in/jana-beispiel/';

const linkedinStyles = `
  :root { color-scheme: light dark; --bg: #f4f2ee; --card: #fff; --text: #191919; --muted: #666; --line: #e0dfdc; --brand: #0a66c2; }
  @media (prefers-color-scheme: dark) { :root { --bg: #000; --card: #1b1f23; --text: #e9e9e9; --muted: #a8a8a8; --line: #38434f; --brand: #71b7fb; } }
  body { margin: 0; background: var(--bg); color: var(--text); font: 14px/1.4 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
  .global-nav { background: var(--card); border-bottom: 1px solid var(--line); padding: 10px 24px; display: flex; gap: 20px; align-items: center; }
  .global-nav .logo { background: var(--brand); color: var(--card); font-weight: 700; border-radius: 4px; padding: 2px 6px; }
  .global-nav a { color: var(--muted); text-decoration: none; }
  main { max-width: 760px; margin: 24px auto; display: grid; gap: 8px; }
  .artdeco-card { background: var(--card); border-radius: 8px; border: 1px solid var(--line); overflow: hidden; }
  .cover { height: 120px; background: linear-gradient(120deg, #a0b4b7, #cfd8dc); }
  .ph5 { padding: 0 24px 24px; }
  .avatar { width: 120px; height: 120px; border-radius: 50%; border: 4px solid var(--card); margin-top: -70px; background: #7a8f99; color: #fff; display: grid; place-items: center; font-size: 40px; }
  h1.text-heading-xlarge { font-size: 24px; font-weight: 600; margin: 8px 0 0; display: inline; }
  .text-body-medium { font-size: 16px; margin-top: 4px; }
  .text-body-small { color: var(--muted); font-size: 14px; }
  .section { padding: 16px 24px; }
  .section h2 { font-size: 20px; margin: 0 0 8px; }
  .feed-item { padding: 16px 24px; border-bottom: 1px solid var(--line); }
  .feed-item a { color: var(--brand); font-weight: 600; }
`;

const xingStyles = `
  :root { color-scheme: light dark; --bg: #fff; --card: #f4f4f5; --text: #0f0f0f; --muted: #5e737d; --brand: #006567; --accent: #c6f16d; }
  @media (prefers-color-scheme: dark) { :root { --bg: #141414; --card: #1f1f1f; --text: #f4f4f4; --muted: #a3b2ba; --brand: #c6f16d; } }
  body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.5 "XING Sans", "Helvetica Neue", Arial, sans-serif; }
  header { padding: 12px 32px; border-bottom: 1px solid var(--card); display: flex; gap: 24px; align-items: center; }
  header .logo { color: var(--brand); font-weight: 800; font-size: 20px; }
  header a { color: var(--muted); text-decoration: none; }
  main#content { max-width: 820px; margin: 32px auto; }
  #XingIdModule { background: var(--card); border-radius: 16px; padding: 32px; }
  #XingIdModule h1 { font-size: 32px; margin: 0; display: inline; }
  [data-xds="Headline"] { font-size: 18px; margin: 8px 0 0; }
  [data-xds="BodyCopy"] { color: var(--muted); margin: 4px 0 0; }
  .module { margin-top: 16px; padding: 24px 32px; background: var(--card); border-radius: 16px; }
`;

/** JSON that cannot close the surrounding <script> element. */
const jsonForScript = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c');

function page(options: { lang: string; title: string; styles: string; header: string; app: string; nonce?: string }): string {
  const nonce = options.nonce ? ` nonce="${options.nonce}"` : '';
  return `<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<title>${options.title}</title>
<style${nonce}>${options.styles}</style>
</head>
<body>
${options.header}
<main id="content"></main>
<script${nonce}>${options.app}</script>
</body>
</html>`;
}

export interface RenderOptions {
  /** Serve with a strict Content-Security-Policy: scripts and styles need this nonce. */
  nonce?: string;
}

/** The demo page for a URL on linkedin.com or xing.com, or null when the demo has none. */
export function renderDemoPage(url: string, options: RenderOptions = {}): DemoResponse | null {
  const { hostname, pathname } = new URL(url);
  const messaging = renderMessagingPage(url);
  if (messaging) return options.nonce ? { ...messaging, html: messaging.html.replace(/<(script|style)(?=[\s>])/g, `<$1 nonce="${options.nonce}"`) } : messaging;
  if (/(^|\.)linkedin\.com$/.test(hostname)) {
    if (!/^\/(in\/|feed)/.test(pathname)) return null;
    const links = linkedinPeople
      .map((p) => `<a href="/in/${encodeURIComponent(p.slug)}/">${p.name.split(' ')[0]}</a>`)
      .join('');
    return {
      status: 200,
      html: page({
        lang: 'en',
        title: 'LinkedIn',
        styles: linkedinStyles,
        header: `<header class="global-nav"><span class="logo">in</span><a href="/feed/">Home</a>${links}</header>`,
        app: `${appSource}('linkedin', ${jsonForScript(linkedinPeople)});`,
        ...options,
      }),
    };
  }
  if (/(^|\.)xing\.com$/.test(hostname)) {
    if (!pathname.startsWith('/profile/')) return null;
    return {
      status: 200,
      html: page({
        lang: 'de',
        title: 'XING',
        styles: xingStyles,
        header: `<header><span class="logo">XING</span>${xingPeople.map((p) => `<a href="/profile/${p.slug}">${p.name}</a>`).join('')}</header>`,
        app: `${appSource}('xing', ${jsonForScript(xingPeople)});`,
        ...options,
      }),
    };
  }
  return null;
}

/** A strict policy like the real sites send: nonce-only scripts and styles, Trusted Types. */
export function strictCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types default',
  ].join('; ');
}
