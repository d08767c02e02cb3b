// One content script per site, bundling its own adapter only (see src/content/job-site-script.ts).
import { linkedin } from '@/src/sites/adapters/linkedin';
import { defineJobSiteScript } from '@/src/content/job-site-script';

export default defineJobSiteScript(linkedin);
