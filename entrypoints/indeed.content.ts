// One content script per site, bundling its own adapter only (see src/content/job-site-script.ts).
import { indeed } from '@/src/sites/adapters/indeed';
import { defineJobSiteScript } from '@/src/content/job-site-script';

export default defineJobSiteScript(indeed);
