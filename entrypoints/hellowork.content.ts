// One content script per site, bundling its own adapter only (see src/content/job-site-script.ts).
import { hellowork } from '@/src/sites/adapters/hellowork';
import { defineJobSiteScript } from '@/src/content/job-site-script';

export default defineJobSiteScript(hellowork);
