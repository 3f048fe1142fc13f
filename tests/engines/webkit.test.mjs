// The core end-to-end set in WebKit (WebKitWebDriver, WebKitGTK MiniBrowser under Xvfb); see core.mjs and docs/engines.md.
import { coreSuite } from './core.mjs';

coreSuite('webkit');
