// `npm start`: installs what is missing, then runs the demo (scripts/demo.ts).
import { ensureDependencies, run } from './ensure-deps.mjs';

ensureDependencies();
const { ensureChromium } = await import('./ensure-chromium.mjs');
if (!ensureChromium()) process.exit(1);
run('npx', ['tsx', 'scripts/demo.ts', ...process.argv.slice(2)]);
