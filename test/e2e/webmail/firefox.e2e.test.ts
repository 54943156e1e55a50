// The webmail scenarios in Debian's Firefox ESR with dist/firefox (see firefox.ts).
import { webmailScenarios } from './scenarios';
import { firefoxBrowser } from './firefox';

webmailScenarios(firefoxBrowser);
