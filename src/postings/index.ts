export type * from './types';
export { parsePosting, extractEmails } from './parse';
export { isOpenAt, postingIdFromFileName } from './status';
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
