// The webmail scenarios in Debian's Chromium with dist/chrome (see chromium.ts).
import { webmailScenarios } from './scenarios';
import { chromiumBrowser } from './chromium';

webmailScenarios(chromiumBrowser);
