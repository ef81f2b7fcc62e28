// `npm install` (postinstall): bundles the panel's React components, so that the first `npm start` does not wait for it.
import { ensureComponentBundle } from '../panel/component-bundle.js';

await ensureComponentBundle();
