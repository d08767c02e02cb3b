export type * from './types';
export { parsePosting, isOpenAt, postingIdFromFileName, extractEmails } from './parse';
export {
  readStartupsRegistry,
  buildStartupIndex,
  resolveStartup,
  type Startup,
  type StartupIndex,
  type StartupMatch,
  type StartupPhase,
  type StartupResolution,
  type StartupResource,
  type StartupsDocument,
} from './startups';
export { foldAccents, slugify, compactKey, collapseWhitespace, splitList } from './text';
export { toDay, parisDay, dayFromFileName } from './dates';
