// One content script per site, bundling its own adapter only (see src/content/job-site-script.ts).
import { csp } from '@/src/sites/adapters/csp';
import { defineJobSiteScript } from '@/src/content/job-site-script';

export default defineJobSiteScript(csp);
