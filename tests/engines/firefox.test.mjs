// The core end-to-end set in Firefox (geckodriver, firefox-esr); see core.mjs and docs/engines.md.
import { coreSuite } from './core.mjs';

coreSuite('firefox');
