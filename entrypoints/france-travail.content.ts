// One content script per site, bundling its own adapter only (see src/content/job-site-script.ts).
import { franceTravail } from '@/src/sites/adapters/france-travail';
import { defineJobSiteScript } from '@/src/content/job-site-script';

export default defineJobSiteScript(franceTravail);
