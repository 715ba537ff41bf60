/**
 * The build's output (`npm run build` writes generated/, git-ignored). Declared here so that a clone
 * type-checks before any build; only this folder imports it, and reads it as the types in program/types.ts.
 */
declare module '*/generated/catalog.json' {
  const catalog: unknown;
  export default catalog;
}
declare module '*/generated/step-bodies.json' {
  const bodies: unknown;
  export default bodies;
}
declare module '*/generated/enrollment-emails.json' {
  const emails: unknown;
  export default emails;
}
declare module '*/generated/invitation-layout.json' {
  const layout: unknown;
  export default layout;
}
declare module '*/generated/email-layouts.json' {
  const layouts: unknown;
  export default layouts;
}
declare module '*/generated/step-layouts.json' {
  const layouts: unknown;
  export default layouts;
}
