// One content script per site, bundling its own adapter only (see src/content/job-site-script.ts).
import { wttj } from '@/src/sites/adapters/wttj';
import { defineJobSiteScript } from '@/src/content/job-site-script';

export default defineJobSiteScript(wttj);
