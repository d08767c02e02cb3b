// One content script per site, bundling its own adapter only (see src/content/job-site-script.ts).
import { apec } from '@/src/sites/adapters/apec';
import { defineJobSiteScript } from '@/src/content/job-site-script';

export default defineJobSiteScript(apec);
