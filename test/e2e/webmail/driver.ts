// The small driver the webmail scenarios are written against, once for every browser: open a page of the fixture
// server, act on it as a user does (type, click, keys), read it, take a screenshot. chromium.ts implements it with
// Playwright, firefox.ts with Marionette (Firefox's own WebDriver); nothing browser-specific leaks into scenarios.ts.
export type Key = 'Enter' | 'Space' | 'Control+Enter';

export interface WebmailPage {
  /** Clicks the element and types the text with the keyboard. */
  type(css: string, text: string): Promise<void>;
  /** Types into the body of a same-origin editor frame (TinyMCE). */
  typeInFrame(frameCss: string, text: string): Promise<void>;
  click(css: string): Promise<void>;
  focus(css: string): Promise<void>;
  /** Presses a key (or chord) where the focus is. */
  press(key: Key): Promise<void>;
  /** A JavaScript expression evaluated in the page. */
  evaluate<T>(expression: string): Promise<T>;
  /** Polls a page expression until it is truthy. */
  waitFor(expression: string, what: string, timeoutMs?: number): Promise<void>;
  /** Clicks a button of Vigie's banner (in its shadow root) by its data-action. */
  clickBanner(action: string): Promise<void>;
  screenshot(path: string): Promise<void>;
  close(): Promise<void>;
}

export interface WebmailBrowser {
  readonly name: 'chromium' | 'firefox';
  /** The address of a fixture page under a provider's real host name. */
  url(host: string, path: string): string;
  open(url: string): Promise<WebmailPage>;
  /** The extension's options page. */
  optionsUrl(): Promise<string>;
  close(): Promise<void>;
}
