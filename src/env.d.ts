interface ImportMetaEnv {
  /** Build-time override of the default feed (`WXT_FEED_URL=... npm run build`). */
  readonly WXT_FEED_URL?: string;
}
