// Chrome-side helpers for the Thunderbird suite: open a compose window like a user would, press Send, read
// Vigie's window, type into the To field. All through Marionette's chrome context.
import type { Marionette } from './marionette';

export interface ComposeInput {
  to?: string;
  cc?: string;
  bcc?: string;
  subject: string;
  body?: string;
}

const FIND_COMPOSE = `function findCompose(subject) {
  for (const w of Services.wm.getEnumerator("msgcompose")) {
    if (!w.closed && w.document.getElementById("msgSubject") && w.document.getElementById("msgSubject").value === subject) return w;
  }
  return null;
}`;

export class ThunderbirdDriver {
  constructor(
    readonly m: Marionette,
    readonly extensionId: string,
  ) {}

  async addonActive(): Promise<{ active: boolean; version: string } | null> {
    return this.m.asyncScript(
      `const { AddonManager } = ChromeUtils.importESModule("resource://gre/modules/AddonManager.sys.mjs");
       AddonManager.getAddonByID(arguments[0]).then(a => resolve(a && { active: a.isActive, version: a.version }), e => resolve(String(e)));`,
      [this.extensionId],
    );
  }

  /** The moz-extension:// URL of a file of the extension. */
  extensionUrl(path: string): Promise<string> {
    return this.m.script(`return WebExtensionPolicy.getByID(arguments[0]).getURL(arguments[1])`, [this.extensionId, path]);
  }

  async openCompose(c: ComposeInput): Promise<void> {
    await this.m.script(
      `const [c] = arguments;
       const { MailServices } = ChromeUtils.importESModule("resource:///modules/MailServices.sys.mjs");
       const params = Cc["@mozilla.org/messengercompose/composeparams;1"].createInstance(Ci.nsIMsgComposeParams);
       const fields = Cc["@mozilla.org/messengercompose/composefields;1"].createInstance(Ci.nsIMsgCompFields);
       fields.to = c.to || ""; fields.cc = c.cc || ""; fields.bcc = c.bcc || ""; fields.subject = c.subject; fields.body = c.body || "Bonjour";
       params.composeFields = fields; params.format = Ci.nsIMsgCompFormat.PlainText;
       params.identity = MailServices.accounts.allIdentities[0];
       MailServices.compose.OpenComposeWindowWithParams(null, params);
       return true;`,
      [c],
    );
    await this.m.waitFor(
      `${FIND_COMPOSE} const w = findCompose(arguments[0]); return !!(w && w.gMsgCompose && w.document.readyState === "complete" && w.gLoadingComplete !== false);`,
      [c.subject],
      20_000,
      `compose window "${c.subject}"`,
    );
    // The compose window wires its fields a moment after load.
    await new Promise((r) => setTimeout(r, 600));
  }

  /** Presses Send (the same command as the toolbar button and Ctrl+Enter). */
  async send(subject: string): Promise<void> {
    await this.m.script(`${FIND_COMPOSE} findCompose(arguments[0]).goDoCommand("cmd_sendNow"); return true;`, [subject]);
  }

  isComposeOpen(subject: string): Promise<boolean> {
    return this.m.script(`${FIND_COMPOSE} return !!findCompose(arguments[0]);`, [subject]);
  }

  waitComposeClosed(subject: string, timeoutMs = 15_000): Promise<boolean> {
    return this.m.waitFor(`${FIND_COMPOSE} return !findCompose(arguments[0]);`, [subject], timeoutMs, `compose "${subject}" to close`);
  }

  composeRecipients(subject: string): Promise<{ to: string[]; cc: string[]; bcc: string[] }> {
    return this.m.script(
      `${FIND_COMPOSE} const d = findCompose(arguments[0]).GetComposeDetails(); const list = (x) => [].concat(x || []).filter(Boolean); return { to: list(d.to), cc: list(d.cc), bcc: list(d.bcc) };`,
      [subject],
    );
  }

  async closeCompose(subject: string): Promise<void> {
    await this.m.script(
      `${FIND_COMPOSE} const w = findCompose(arguments[0]); if (w) { w.gContentChanged = false; w.gMsgCompose.bodyModified = false; w.close(); } return true;`,
      [subject],
    );
  }

  /** The Vigie window opened for a stopped send: its page text, once rendered, or null when there is none. */
  vigieWindowText(): Promise<string | null> {
    return this.m.script(`for (const w of Services.wm.getEnumerator("mail:extensionPopup")) {
        const b = w.document.querySelector("browser");
        if (b && b.currentURI && b.currentURI.spec.includes("popup.html?tab=") && b.contentDocument && b.contentDocument.body) return b.contentDocument.body.innerText;
      }
      return null;`);
  }

  async waitVigieWindow(contains: string, timeoutMs = 15_000): Promise<string> {
    return this.m.waitFor<string>(
      `for (const w of Services.wm.getEnumerator("mail:extensionPopup")) {
        const b = w.document.querySelector("browser");
        const doc = b && b.contentDocument;
        if (b && b.currentURI.spec.includes("popup.html?tab=") && doc && doc.body && doc.body.innerText.includes(arguments[0])) return doc.body.innerText;
      }
      return null;`,
      [contains],
      timeoutMs,
      `the Vigie window saying "${contains}"`,
    );
  }

  /** Clicks a button (by CSS selector) in the Vigie window. */
  async clickInVigieWindow(selector: string): Promise<void> {
    const ok = await this.m.script<boolean>(
      `for (const w of Services.wm.getEnumerator("mail:extensionPopup")) {
        const b = w.document.querySelector("browser");
        const el = b && b.contentDocument && b.contentDocument.querySelector(arguments[0]);
        if (el) { el.click(); return true; }
      }
      return false;`,
      [selector],
    );
    if (!ok) throw new Error(`no ${selector} in the Vigie window`);
  }

  /** Clicks Vigie's button in the compose toolbar (compose_action): its popup opens under it. */
  async clickComposeAction(subject: string): Promise<void> {
    const ok = await this.m.script<boolean>(
      `${FIND_COMPOSE} const w = findCompose(arguments[0]); const b = w.document.querySelector('[id$="-composeAction-toolbarbutton"]'); if (!b) return false; b.click(); return true;`,
      [subject],
    );
    if (!ok) throw new Error('Vigie is not in the compose toolbar');
  }

  async openOptionsTab(): Promise<void> {
    const url = await this.extensionUrl('options/options.html');
    await this.m.script(
      `Services.wm.getMostRecentWindow("mail:3pane").document.getElementById("tabmail").openTab("contentTab", { url: arguments[0] }); return true;`,
      [url],
    );
  }

  async closeOptionsTabs(): Promise<void> {
    await this.m.script(`const tabmail = Services.wm.getMostRecentWindow("mail:3pane").document.getElementById("tabmail");
      for (const t of [...tabmail.tabInfo]) if (t.browser && t.browser.currentURI && t.browser.currentURI.spec.includes("/options/options.html")) tabmail.closeTab(t);
      return true;`);
  }

  /**
   * The Vigie window's text when its page runs in the extension process (Thunderbird's default): read by a frame
   * script in that process, which posts it back.
   */
  remoteVigieWindowText(): Promise<string | null> {
    return this.m.asyncScript(`for (const w of Services.wm.getEnumerator("mail:extensionPopup")) {
        const b = w.document.querySelector("browser");
        if (!b || !b.currentURI.spec.includes("popup.html?tab=")) continue;
        const mm = b.messageManager;
        const on = (msg) => { mm.removeMessageListener("vigie-test:text", on); resolve(msg.data); };
        mm.addMessageListener("vigie-test:text", on);
        mm.loadFrameScript("data:,sendAsyncMessage('vigie-test:text', content.document.body ? content.document.body.innerText : '')", false);
        return;
      }
      resolve(null);`);
  }

  /** Clicks a button of the Vigie window when its page runs in the extension process. */
  async clickInRemoteVigieWindow(selector: string): Promise<void> {
    const ok = await this.m.script<boolean>(
      `for (const w of Services.wm.getEnumerator("mail:extensionPopup")) {
        const b = w.document.querySelector("browser");
        if (!b || !b.currentURI.spec.includes("popup.html?tab=")) continue;
        b.messageManager.loadFrameScript("data:," + encodeURIComponent("content.document.querySelector(" + JSON.stringify(arguments[0]) + ").click()"), false);
        return true;
      }
      return false;`,
      [selector],
    );
    if (!ok) throw new Error('no Vigie window');
  }

  closeVigieWindows(): Promise<number> {
    return this.m.script(`let n = 0; for (const w of [...Services.wm.getEnumerator("mail:extensionPopup")]) { w.close(); n++; } return n;`);
  }

  /** Types into the To field of a compose window with real key events, as a user would. */
  async typeInTo(subject: string, textToType: string): Promise<void> {
    await this.m.script(`${FIND_COMPOSE} const w = findCompose(arguments[0]); w.focus(); w.document.getElementById("toAddrInput").focus(); return true;`, [
      subject,
    ]);
    const handles = await this.m.command<string[]>('WebDriver:GetWindowHandles');
    for (const h of handles) {
      await this.m.command('WebDriver:SwitchToWindow', { handle: h, focus: false });
      const found = await this.m.script<boolean>(`${FIND_COMPOSE} return window === findCompose(arguments[0]);`, [subject]);
      if (found) break;
    }
    const el = await this.m.command<{ value: Record<string, string> }>('WebDriver:FindElement', { using: 'css selector', value: '#toAddrInput' });
    const id = Object.values(el.value)[0]!;
    await this.m.command('WebDriver:ElementSendKeys', { id, text: textToType });
    await this.m.switchTo('mail:3pane');
  }

  /** The rows of the To field's autocomplete popup: value (what is inserted) and comment. */
  autocompleteRows(subject: string): Promise<{ value: string; label: string; comment: string }[]> {
    return this.m.script(
      `${FIND_COMPOSE} const input = findCompose(arguments[0]).document.getElementById("toAddrInput");
      const c = input.controller; const rows = [];
      for (let i = 0; i < c.matchCount; i++) rows.push({ value: c.getValueAt(i), label: c.getLabelAt(i), comment: c.getCommentAt(i) });
      return rows;`,
      [subject],
    );
  }
}

/** Runs `body` with `doc` bound to the document of a Vigie page (compose-action popup, Vigie window or options tab). */
export function inPage(where: 'action-popup' | 'vigie-window' | 'options', body: string): string {
  const find = {
    'action-popup': `for (const w of Services.wm.getEnumerator("msgcompose")) for (const b of w.document.querySelectorAll("browser")) if (b.currentURI && b.currentURI.spec.includes("/popup/popup.html") && !b.currentURI.spec.includes("tab=") && b.contentDocument) doc = b.contentDocument;`,
    'vigie-window': `for (const w of Services.wm.getEnumerator("mail:extensionPopup")) { const b = w.document.querySelector("browser"); if (b && b.currentURI.spec.includes("popup.html?tab=") && b.contentDocument) doc = b.contentDocument; }`,
    options: `const tabmail = Services.wm.getMostRecentWindow("mail:3pane").document.getElementById("tabmail"); for (const t of tabmail.tabInfo) { const b = t.browser; if (b && b.currentURI && b.currentURI.spec.includes("/options/options.html") && b.contentDocument) doc = b.contentDocument; }`,
  }[where];
  return `let doc = null; ${find}
    if (!doc || !doc.body) return null;
    const typeInto = (el, value) => { el.focus(); el.value = value; el.dispatchEvent(new doc.defaultView.Event("input", { bubbles: true })); el.dispatchEvent(new doc.defaultView.Event("change", { bubbles: true })); };
    ${body}`;
}
