// The core end-to-end set in Chromium (chromedriver); see core.mjs and docs/engines.md.
import { coreSuite } from './core.mjs';

coreSuite('chromium');
