declare module 'adminjs/bundler' {
  export const componentsBundler: { createEntry(options: { content: string }): Promise<void>; build(): Promise<void> };
  export function generateUserComponentEntry(admin: unknown, tmpDir: string): string;
  export const ADMIN_JS_TMP_DIR: string;
}
