/** Client configuration that cannot work (unknown region, malformed URL, missing credential). */
export class ContentstackConfigError extends Error {
  readonly code = "CONTENTSTACK_CONFIG_INVALID";
  /** One line per problem, each naming the setting. */
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    super(`Invalid Contentstack client configuration:\n- ${issues.join("\n- ")}`);
    this.name = "ContentstackConfigError";
    this.issues = issues;
  }
}
